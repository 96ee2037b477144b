import { blocksOf, jsonBlocks, markdownSection } from './support/json-blocks';

describe('jsonBlocks', () => {
  it('finds objects in cURL bodies, glued to the end of a line and inline in prose, in reading order', () => {
    const text = `--data '\n{ "a": 1 }\n'\n--header 'x: y'{"b": {"c": "}"}}\nprose { "d": [2] } and {not json}`;
    expect(jsonBlocks(text)).toEqual([{ a: 1 }, { b: { c: '}' } }, { d: [2] }]);
  });

  it('reads the four JSON blocks of the update page copy: request sample, flat response, prose request, envelope', () => {
    const blocks = blocksOf('seeds/000_76c2aa10365a3f8d.txt');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toEqual({
      webhookUrl: 'https://my-system.com/webhook/jelou-v2',
      authType: 'bearer',
      authorization: '<string>',
    });
    expect(blocks[3]).toMatchObject({ message: ['Integration updated successfully'] });
  });

  it('reads a Markdown section up to the next heading', () => {
    const md = '# A\n{"x":1}\n## 14. Errors\n{"y":2}\n## 15. Next\n{"z":3}';
    expect(markdownSection(md, '14. ')).toBe('{"y":2}');
    expect(() => markdownSection(md, '99.')).toThrow('No section "99."');
  });
});
