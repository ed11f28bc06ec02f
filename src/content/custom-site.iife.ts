/**
 * The content script for the user's own sites, as one self-contained file: registered at
 * run time for granted origins only, it needs no web-accessible chunks (which would let
 * every site detect the extension).
 */
import './index.ts';
