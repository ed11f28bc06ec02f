/** The content script's entry: the bootstrap runs in the top frame of a covered page. */
import { start } from './bootstrap.ts';

if (window === window.top) void start();
