import { describe, expect, it } from 'vitest';
import { dateProblem, isCalendarDate } from '../../src/lib/dates';

describe('dates as authors write them', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const date of ['2024-01-31', '2024-02-29', '2000-02-29', '1999-12-31']) expect(dateProblem(date), date).toBeUndefined();
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('says what is wrong with a date that is not real', () => {
    expect(dateProblem('2024-13-45')).toBe('month 13');
    expect(dateProblem('2024-00-10')).toBe('month 0');
    expect(dateProblem('2023-02-29')).toBe('February 2023 has 28 days');
    expect(dateProblem('1900-02-29')).toBe('February 1900 has 28 days');
    expect(dateProblem('2024-06-31')).toBe('June has 30 days');
    expect(dateProblem('2024-06-00')).toBe('day 0');
    expect(dateProblem('3 June 2024')).toBe('not written YYYY-MM-DD');
    expect(isCalendarDate('2024-06-31')).toBe(false);
  });
});
