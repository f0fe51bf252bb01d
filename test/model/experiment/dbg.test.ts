import { analyseExperiment } from '../../../src/model/experiment/analyse';
import { responseOf } from '../../../src/model/response-curve';
import { demandRoom } from '../../helpers/demand-room';
it('dbg', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const m = demandRoom(seed, { pairs: 80 });
    const res = analyseExperiment(m.history, m.schedule);
    const p = res.primary!;
    const test = m.history.days.slice(-m.schedule.days.length);
    let eff = 0, nb = 0, ga = 0, na = 0, gb = 0;
    test.forEach((d, i) => { const s = m.schedule.days[i]!; if (s.drop) return; if (s.level === 1) { eff += responseOf(d.spend, m.shape) - responseOf(d.spend / 1.35, m.shape); nb++; gb += d.gmv; } else { ga += d.gmv; na++; } });
    console.log(seed, 'est', p.deltaGmv.value.toFixed(0), '±', p.deltaGmv.se.toFixed(0), 'raw diff', (gb / nb - ga / na).toFixed(0), 'true', (eff / nb).toFixed(0));
  }
});
