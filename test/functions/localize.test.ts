import { localizeMetadata } from '../../tools/webpack/localize-functions.js';

const metadata = {
  functions: [
    {
      id: 'F',
      name: 'F',
      description: 'en',
      parameters: [
        { name: 'a', description: 'A', type: 'any' },
        { name: 'b', description: 'B', type: 'any', optional: true },
      ],
      result: { type: 'number', description: 'r' },
    },
  ],
};

describe('zh-CN functions metadata', () => {
  it('translates descriptions and parameter names, keeping ids, order, types and optionality', () => {
    const table = {
      F: { description: '中文', result: '结果', parameters: { a: { name: '甲', description: '甲说明' }, b: { name: '乙', description: '乙说明' } } },
    };
    const { localized, errors } = localizeMetadata(metadata, table);
    expect(errors).toEqual([]);
    expect(localized.functions[0]).toEqual({
      id: 'F',
      name: 'F',
      description: '中文',
      parameters: [
        { name: '甲', description: '甲说明', type: 'any' },
        { name: '乙', description: '乙说明', type: 'any', optional: true },
      ],
      result: { type: 'number', description: '结果' },
    });
  });

  it('reports every missing or stray translation (the build fails on them)', () => {
    const table = {
      F: { description: '中文', parameters: { a: { name: '甲', description: '甲说明' }, c: { name: '丙', description: '' } } },
      G: { description: '无', parameters: {} },
    };
    expect(localizeMetadata(metadata, table).errors.sort()).toEqual(
      ['zh-CN table has G, which is not a function', 'F: zh-CN table has unknown parameter c', 'F(b): no zh-CN name and description'].sort(),
    );
  });

  it('fails a function without any translation', () => {
    expect(localizeMetadata(metadata, {}).errors).toEqual(['F: no zh-CN translation']);
  });
});

describe('help links', () => {
  it('point the zh-CN metadata at the Chinese reference page', () => {
    const withHelp = { functions: [{ ...metadata.functions[0]!, helpUrl: 'https://h/help/functions.html#f' }] };
    const table = { F: { description: '中文', parameters: { a: { name: '甲', description: '甲' }, b: { name: '乙', description: '乙' } } } };
    expect(localizeMetadata(withHelp, table).localized.functions[0]!.helpUrl).toBe('https://h/help/functions.zh-CN.html#f');
  });
});
