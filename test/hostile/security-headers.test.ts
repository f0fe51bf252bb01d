/** Pages carry a Content-Security-Policy; the dev server never answers CORS with "*" (issue 16 item 10). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS
const makeConfig = require('../../webpack.config.js') as (env: object, argv: { mode: string }) => {
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; meta?: Record<string, { content: string }> } }[];
  devServer: { headers: (req: { headers: Record<string, string | undefined> }) => Record<string, string> };
};

function policies(mode: string): Map<string, string> {
  const pages = makeConfig({}, { mode }).plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin');
  return new Map(pages.map((p) => [p.userOptions?.filename ?? '', p.userOptions?.meta?.['Content-Security-Policy']?.content ?? '']));
}

describe('security headers', () => {
  it('every page has a CSP; production allows no eval, no plugins, scripts only from self and Office.js', () => {
    const prod = policies('production');
    expect([...prod.keys()].sort()).toEqual(['preview.html', 'taskpane.html']);
    for (const csp of prod.values()) {
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/u);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("default-src 'self'");
    }
    expect(policies('development').get('taskpane.html')).toContain("'unsafe-eval'");
  });

  it('the dev server echoes only Office origins and never sends Access-Control-Allow-Origin: *', () => {
    const headers = makeConfig({}, { mode: 'development' }).devServer.headers;
    expect(headers({ headers: { origin: 'https://excel.officeapps.live.com' } })['Access-Control-Allow-Origin']).toBe('https://excel.officeapps.live.com');
    expect(headers({ headers: { origin: 'https://evil.example' } })['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headers({ headers: { origin: 'https://office.com.evil.example' } })['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headers({ headers: {} })['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
