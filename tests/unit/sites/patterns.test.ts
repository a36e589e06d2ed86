import { describe, expect, it } from 'vitest';
import {
  displaySite,
  isSitePattern,
  parseSiteInput,
  patternCovers,
  patternForUrl,
  patternMatchesUrl,
} from '../../../lib/sites/patterns';

describe('parseSiteInput', () => {
  it.each([
    ['ehr.example.org', 'https://ehr.example.org/*'],
    ['  EHR.Example.ORG  ', 'https://ehr.example.org/*'],
    ['https://ehr.example.org/patient/12?tab=2#notes', 'https://ehr.example.org/*'],
    ['http://intranet.practice.local/his', 'http://intranet.practice.local/*'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1/*'],
    ['localhost:3000', 'https://localhost/*'],
    ['http://localhost', 'http://localhost/*'],
    ['*.ehr.example.org', 'https://*.ehr.example.org/*'],
    ['https://*.example.org/path', 'https://*.example.org/*'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example/*'],
  ])('%s -> %s', (input, pattern) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://ehr.example.org', 'scheme'],
    ['file:///home/gp/ehr.html', 'scheme'],
    ['chrome://extensions', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['ehr', 'host'],
    ['ehr example org', 'host'],
    ['-bad-.example.org', 'host'],
    ['https://user:pw@ehr.example.org', 'host'],
    ['999.1.1.1', 'host'],
    ['ehr.*.org', 'wildcard'],
    ['*', 'wildcard'],
    ['*.localhost', 'wildcard'],
    ['https://*.127.0.0.1', 'wildcard'],
  ])('refuses %j (%s)', (input, error) => {
    expect(parseSiteInput(input)).toEqual({ ok: false, error });
  });
});

describe('patterns and URLs', () => {
  it('patternForUrl gives the whole-host pattern of http(s) pages only', () => {
    expect(patternForUrl('https://ehr.example.org:8443/a/b?c')).toBe('https://ehr.example.org/*');
    expect(patternForUrl('http://127.0.0.1:5173/patient-summary.html')).toBe('http://127.0.0.1/*');
    expect(patternForUrl('chrome://newtab/')).toBeNull();
    expect(patternForUrl('about:blank')).toBeNull();
    expect(patternForUrl(undefined)).toBeNull();
    expect(patternForUrl('not a url')).toBeNull();
  });

  it('isSitePattern accepts only what parseSiteInput makes', () => {
    expect(isSitePattern('https://ehr.example.org/*')).toBe(true);
    expect(isSitePattern('https://*.example.org/*')).toBe(true);
    expect(isSitePattern('https://*/*')).toBe(false);
    expect(isSitePattern('<all_urls>')).toBe(false);
    expect(isSitePattern('https://ehr.example.org/path/*')).toBe(false);
    expect(isSitePattern('https://EHR.example.org/*')).toBe(false);
    expect(isSitePattern('http://127.0.0.1:80/*')).toBe(false);
  });

  it('patternMatchesUrl ignores ports and paths, respects scheme and subdomains', () => {
    expect(patternMatchesUrl('http://127.0.0.1/*', 'http://127.0.0.1:40123/x.html')).toBe(true);
    expect(patternMatchesUrl('https://ehr.example.org/*', 'http://ehr.example.org/')).toBe(false);
    expect(patternMatchesUrl('https://*.example.org/*', 'https://a.b.example.org/')).toBe(true);
    expect(patternMatchesUrl('https://*.example.org/*', 'https://example.org/')).toBe(true);
    expect(patternMatchesUrl('https://*.example.org/*', 'https://badexample.org/')).toBe(false);
    expect(patternMatchesUrl('https://ehr.example.org/*', undefined)).toBe(false);
  });

  it('patternCovers knows what the manifest already injects into', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1/*')).toBe(true);
    expect(patternCovers('http://localhost/*', 'https://localhost/*')).toBe(false);
    expect(patternCovers('*://*.example.org/*', 'https://ehr.example.org/*')).toBe(true);
    expect(patternCovers('https://*/*', 'https://ehr.example.org/*')).toBe(true);
    expect(patternCovers('<all_urls>', 'https://ehr.example.org/*')).toBe(true);
    expect(patternCovers('https://ehr.example.org/*', 'https://*.ehr.example.org/*')).toBe(false);
  });

  it('displaySite drops the path wildcard', () => {
    expect(displaySite('https://ehr.example.org/*')).toBe('https://ehr.example.org');
  });
});
