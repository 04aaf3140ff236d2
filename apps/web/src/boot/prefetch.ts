import { toQueryString } from '../api/query-string.ts';
import { builtInViews, inboxPageSize } from '../inbox/view-definitions.ts';

/** Where the app keeps what the start-up script fetched, by URL. */
export const prefetchGlobal = '__frontlinePrefetch';

/**
 * The classic inline script vite.config.ts puts at the top of index.html. It runs while the app's
 * code is still downloading and asks for the session and, on an inbox view, its first page and
 * counts; `apiRequest` later takes these answers instead of asking again. "My teams" depends on
 * the agent's teams and filters in the address change the query, so those are not guessed.
 */
export function renderPrefetchScript(): string {
  const listUrls = Object.fromEntries(
    builtInViews
      .filter((view) => view.id !== 'my-teams')
      .map((view) => [
        view.id,
        `/api/v1/conversations${toQueryString({ ...view.filters, limit: inboxPageSize })}`,
      ]),
  );
  return `(function () {
  var lists = ${JSON.stringify(listUrls)};
  var prefetched = (window.${prefetchGlobal} = {});
  function get(url) {
    var response = fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    response.catch(function () {});
    prefetched[url] = { response: response, at: Date.now() };
  }
  get('/api/v1/auth/session');
  // The root address opens "my open" conversations.
  var path = location.pathname === '/' ? '/inbox/mine' : location.pathname;
  var view = /^\\/inbox\\/([\\w-]+)\\/?$/.exec(path);
  if (view && lists[view[1]] && !location.search) {
    get(lists[view[1]]);
    get('/api/v1/conversations/counts');
  }
})();`;
}
