import { beforeEach, describe, expect, it } from 'vitest';
import { captureTokenFromFragment, currentToken, rememberPage } from './auth';

describe('signing in with a #token= link', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the page the link was opened on and drops the token from the address', () => {
    window.history.replaceState(null, '', '/plugins/p1/releases?release=r1#token=abc');
    expect(captureTokenFromFragment()).toBe(true);
    expect(currentToken()).toBe('abc');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/plugins/p1/releases?release=r1');
  });

  it('at / goes back to the page asked for while signed out, once', () => {
    window.history.replaceState(null, '', '/library/objects/o1/history?from=a&to=b');
    rememberPage();
    window.history.replaceState(null, '', '/#token=abc&other=1');
    expect(captureTokenFromFragment()).toBe(true);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/library/objects/o1/history?from=a&to=b#other=1');
    window.history.replaceState(null, '', '/#token=def');
    captureTokenFromFragment();
    expect(window.location.pathname).toBe('/');
  });

  it('does nothing without a token in the fragment', () => {
    window.history.replaceState(null, '', '/connectors#section');
    expect(captureTokenFromFragment()).toBe(false);
    expect(currentToken()).toBeNull();
    expect(window.location.hash).toBe('#section');
  });
});
