/**
 * EHR site addresses -> the match patterns the extension asks permission for and registers its content
 * script on. Pure helpers (no browser), shared by the options page, the popup and the background.
 *
 * A site is always a whole host: `https://ehr.example.org/*`. Ports are left out because Firefox match
 * patterns cannot hold one and Chrome ignores it for host permissions; `*.example.org` covers subdomains.
 */

export type SiteError = 'empty' | 'scheme' | 'host' | 'wildcard';

export type SiteParse = { ok: true; pattern: string } | { ok: false; error: SiteError };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const PATTERN = /^(https?):\/\/((?:\*\.)?[^/*:]+)\/\*$/;

function validHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((n) => Number(n) <= 255);
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return true; // IPv6 literal, as URL() writes it
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/**
 * What a clinician typed ("ehr.example.org", "https://ehr.example.org/patient/12", "*.ehr.example.org",
 * "http://127.0.0.1:8080") -> the site's match pattern. No scheme means https. Only http and https sites.
 */
export function parseSiteInput(input: string): SiteParse {
  let text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (schemeMatch) {
    if (!/^https?$/i.test(schemeMatch[1]!)) return { ok: false, error: 'scheme' };
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    return { ok: false, error: 'scheme' }; // mailto:, javascript:, about:...
  } else {
    text = `https://${text}`;
  }
  let wildcard = false;
  const star = /^(https?:\/\/)\*\./i.exec(text);
  if (star) {
    wildcard = true;
    text = star[1] + text.slice(star[0].length);
  }
  if (text.includes('*')) return { ok: false, error: 'wildcard' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'host' };
  }
  if (url.username || url.password) return { ok: false, error: 'host' };
  const host = url.hostname.toLowerCase();
  if (!validHost(host)) return { ok: false, error: 'host' };
  if (wildcard && (host === 'localhost' || /^[\d.[\]:]+$/.test(host) || host.split('.').length < 2)) {
    return { ok: false, error: 'wildcard' };
  }
  return { ok: true, pattern: `${url.protocol}//${wildcard ? '*.' : ''}${host}/*` };
}

/** The site pattern of a page's URL, or null for pages the extension cannot run on (chrome://, file:...). */
export function patternForUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname.toLowerCase()}/*`;
  } catch {
    return null;
  }
}

/** Is this one of our site patterns (as parseSiteInput makes them)? */
export function isSitePattern(pattern: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const parsed = parseSiteInput(pattern.slice(0, -1));
  return parsed.ok && parsed.pattern === pattern;
}

/** Does a site pattern cover this URL? (Ports are ignored, as the browser does for these patterns.) */
export function patternMatchesUrl(pattern: string, url: string | undefined): boolean {
  const m = PATTERN.exec(pattern);
  if (!m || !url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== `${m[1]}:`) return false;
  const host = u.hostname.toLowerCase();
  const want = m[2]!;
  return want.startsWith('*.') ? host === want.slice(2) || host.endsWith(want.slice(1)) : host === want;
}

/** Is every URL of `inner` also covered by `outer`? (Used to skip sites the manifest already covers.) */
export function patternCovers(outer: string, inner: string): boolean {
  if (outer === inner || outer === '<all_urls>') return true;
  const o = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(outer);
  const i = PATTERN.exec(inner);
  if (!o || !i) return false;
  if (o[1] !== '*' && o[1] !== i[1]) return false;
  const oh = o[2]!;
  const ih = i[2]!;
  if (oh === '*') return true;
  if (oh.startsWith('*.')) {
    const base = oh.slice(2);
    const bare = ih.startsWith('*.') ? ih.slice(2) : ih;
    return bare === base || bare.endsWith(`.${base}`);
  }
  return oh === ih;
}

/** "https://ehr.example.org/*" -> "https://ehr.example.org", for display. */
export function displaySite(pattern: string): string {
  return pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
}
