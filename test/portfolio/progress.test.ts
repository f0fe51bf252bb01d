import { progressLine, terminalProgress } from '../../src/portfolio/progress';

describe('progress bar', () => {
  it('draws the share done, the count and the rate', () => {
    expect(progressLine(5, 20, 2000, 'en-US', 20)).toBe('[#####...............] 5/20 merchants 2.5/s');
    expect(progressLine(20, 20, 4000, 'zh-CN', 10)).toBe('[##########] 20/20 个商家 5.0/s');
    expect(progressLine(0, 0, 0, 'en-US', 4)).toBe('[####] 0/0 merchants 0.0/s');
  });

  it('redraws at most every interval, always draws the last step, and ends the line', () => {
    let t = 0;
    const out: string[] = [];
    const p = terminalProgress((s) => out.push(s), 'en-US', () => t, 100);
    t = 10;
    p.update(1, 4); // first draw
    t = 50;
    p.update(2, 4); // too soon
    t = 200;
    p.update(3, 4);
    t = 210;
    p.update(4, 4); // last: drawn even though soon
    p.end();
    expect(out.map((s) => s.replace(/\].*$/u, ']'))).toEqual(['\r[########......................]', '\r[#######################.......]', '\r[##############################]', '\n']);
    expect(out[1]).toContain('3/4 merchants 15.0/s');
  });

  it('prints nothing at the end when it never drew', () => {
    const out: string[] = [];
    terminalProgress((s) => out.push(s), 'en-US').end();
    expect(out).toEqual([]);
  });
});
