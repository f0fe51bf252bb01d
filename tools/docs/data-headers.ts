/**
 * docs/data.zh-CN.md, the Chinese data guide built into help/data.zh-CN.html: rendered from the one
 * header registry (src/data/fields.ts) and the export families (families.ts), so the help page
 * never drifts from what the reader accepts. test/data/data-doc.test.ts fails on drift;
 * `ADPLAN_UPDATE_DOCS=1 npx jest test/data/data-doc` rewrites the file.
 */
import { FAMILIES, SIDE_FAMILIES } from '../../src/data/families';
import { CONTENT_SPEC, TRAFFIC_SPEC, VIDEO_SPEC, type SideSpec } from '../../src/data/history';
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
  const side = SIDE_FAMILIES.map((f) => `- **${f.name['zh-CN']}**${f.note ? `：${f.note['zh-CN']}` : ''}`);
  // The side readers compare headers in headerKey form: the guide lists the measure and its first alias forms.
  const specRows = (spec: SideSpec<string>): string[] => spec.measures.map((m) => `| ${m.zh} | ${cell(m.aliases.join('、'))} |`);
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
    '## 流量与内容导出（traffic and content exports）',
    '',
    '以下导出没有订单数，单独不能做计划，但可与成交导出一起打开：准备度检查会据此判断流量结构与内容健康度。',
    '它们只在覆盖的日期上补充指标，不会缩短历史。',
    '',
    ...side,
    `- **直播明细 / 单场的内容列**：一场直播计入开播当天（跨零点的场次也是）；评论、点赞、新增粉丝相加，人均观看时长与各转化率按观看人数加权。`,
    '',
    '付费渠道：千川、品牌广告、广告、付费、竞价、随心推、DOU+、巨量、投放、加热、推广；自然渠道：推荐feed、短视频引流、关注、搜索、直播广场、商城、个人主页、同城等；其他（如“其他”）不归入任一类。',
    '',
    `流量来源的渠道列：${TRAFFIC_SPEC.dimension.join('、')}（两级导出取二级渠道，一级渠道决定类别）。`,
    '',
    '| 流量来源指标 | 可识别的写法 |',
    '|---|---|',
    ...specRows(TRAFFIC_SPEC),
    '',
    '| 短视频指标 | 可识别的写法 |',
    '|---|---|',
    ...specRows(VIDEO_SPEC),
    '',
    '| 直播内容指标 | 可识别的写法 |',
    '|---|---|',
    ...specRows(CONTENT_SPEC),
    '',
  ].join('\n');
}
