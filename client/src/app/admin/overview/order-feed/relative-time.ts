const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' });
const dateAndTime = new Intl.DateTimeFormat('en-IE', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** How long ago `at` was, for a live feed: "just now", "3 minutes ago", "2 hours ago", or the date and time after a day. */
export function relativeTime(at: string, now: Date): string {
  const seconds = Math.round((now.getTime() - Date.parse(at)) / 1000);
  // A clock a little ahead of the server's would otherwise say "in 2 seconds".
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return dateAndTime.format(new Date(at));
}
