/**
 * What went wrong, in one shape for every signal: an HTTP status the server sent, a
 * network error the browser reported instead of any response, or the site's own notice.
 */
export type Failure =
  | { kind: 'http'; status: number }
  | { kind: 'network'; network: NetworkErrorKind; raw: string }
  /** The site's own error notice in the page, quoted as the site wrote it. */
  | { kind: 'page'; text: string };

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
