// The reporting body and year from a report's opening lines.
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/core/extract/meta';

describe('report metadata', () => {
  it('reads a title set on two lines: the agency alone above the year and title', () => {
    const text = '洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室编制。';
    expect(readMeta(text)).toMatchObject({ agency: '洪泽区人民政府', year: 2023 });
  });

  it('does not take a sentence above the title for the agency', () => {
    const text = '首页 > 政务公开，信息公开。\n2023 年政府信息公开工作年度报告\n正文。';
    expect(readMeta(text).agency).toBeNull();
  });
});
