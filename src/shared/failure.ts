/**
 * What went wrong with a page load, in one shape for every signal: an HTTP status the
 * server sent, or a network error the browser reported instead of any response.
 */
export type Failure =
  | { kind: 'http'; status: number }
  | { kind: 'network'; network: NetworkErrorKind; raw: string };

export type NetworkErrorKind =
  | 'connection-reset'
  | 'connection-refused'
  | 'connection-closed'
  | 'timed-out'
  | 'name-not-resolved'
  | 'internet-disconnected'
  | 'proxy'
  | 'ssl'
  | 'other';
