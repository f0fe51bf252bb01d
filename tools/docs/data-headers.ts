/**
 * docs/data.zh-CN.md, the Chinese data guide built into help/data.zh-CN.html: rendered from the one
 * header registry (src/data/fields.ts) and the export families (families.ts), so the help page
 * never drifts from what the reader accepts. test/data/data-doc.test.ts fails on drift;
 * `ADPLAN_UPDATE_DOCS=1 npx jest test/data/data-doc` rewrites the file.
 */
import { FAMILIES } from '../../src/data/families';
import { FIELDS, REQUIRED_FIELDS } from '../../src/data/table';

const cell = (s: string): string => s.replace(/\|/gu, '\\|');

export function renderDataGuideZh(): string {
  const rows = FIELDS.map((f) => {
    const required = REQUIRED_FIELDS.includes(f.field) ? '必需' : '可选';
    return `| ${f.zh} | ${f.field} | ${required} | ${cell(f.aliases.join('、'))} |`;
  });
  const families = FAMILIES.filter((f) => f.id !== 'generic').map(
    (f) => `- **${f.name['zh-CN']}**${f.note ? `：${f.note['zh-CN']}` : ''}`,
  );
  return [
    '<!-- 由 tools/docs/data-headers.ts 根据 src/data/fields.ts 与 families.ts 生成，请勿手改。 -->',
    '# AdPlan 数据说明：可识别的列名',
    '',
    '历史数据是一张按天（或按场）的表：第一行（前 10 行内）是列名，下面每行一天。',
    `必需的列：${REQUIRED_FIELDS.map((f) => FIELDS.find((x) => x.field === f)?.zh ?? f).join('、')}。其余列可选，缺少时相应指标记为未知。`,
    '',
    '列名比较前会统一：去掉空格和单位括号（如“(元)”“(%)”），全角转半角，繁体转简体，英文不区分大小写。',
    '若某列没有被识别，请把列名改成下表中的任一写法，或在任务窗格的“字段映射”中手动指定。',
    '',
    '## History 列名（history headers）',
    '',
    '| 列 | 键 | | 可识别的写法（按优先顺序） |',
    '|---|---|---|---|',
    ...rows,
    '',
    '## Exports 可直接读取的导出（export families）',
    '',
    '以下平台导出无需改动即可读取（按列名自动识别）：',
    '',
    ...families,
    '',
    '同一商家的多个导出（如罗盘 + 千川）可以一起打开，按日期合并。一个工作簿里只有千川表（标准推广或全域）时，店铺自己的普通表（如“罗盘直播”日表）也会并入：成交、订单、观看与退款取自它，消耗与付费成交取自千川。命令行与任务窗格的选表规则相同。',
    '',
  ].join('\n');
}
