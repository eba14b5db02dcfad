import { describe, expect, it } from 'vitest';
import { reportNames, type NamedReport } from '../../src/ui/reportNames.ts';

const report = (id: string, year: number, more: Partial<NamedReport> = {}): NamedReport => ({
  id,
  year,
  title: 'Inspection of local authority children’s services',
  council: 'Testshire',
  inspectionDates: '3 to 14 October 2022',
  ...more,
});
const namesOf = (reports: NamedReport[]) => [...reportNames(reports).values()];

describe('reportNames', () => {
  it('calls a report by its year when no other report listed with it has that year', () => {
    expect(namesOf([report('2012-redcar', 2012), report('2022-redcar', 2022)])).toEqual(['2012', '2022']);
  });

  it('tells reports of the same year apart by council, then inspection dates, then title, then a short id', () => {
    expect(namesOf([report('2022-redcar', 2022, { council: 'Redcar and Cleveland' }), report('u1', 2022)])).toEqual([
      '2022 (Redcar and Cleveland)',
      '2022 (Testshire)',
    ]);
    expect(namesOf([report('u1', 2022, { inspectionDates: '20 June to 1 July 2022' }), report('u2', 2022)])).toEqual([
      '2022 (inspected 20 June to 1 July 2022)',
      '2022 (inspected 3 to 14 October 2022)',
    ]);
    expect(namesOf([report('u1', 2022, { title: 'Focused visit to Testshire' }), report('u2', 2022)])).toEqual([
      '2022 (Focused visit to Testshire)',
      '2022 (Inspection of local authority children’s services)',
    ]);
    expect(
      namesOf([
        report('u0123456789abcdef01234567', 2022),
        report('u0123456fedcba9876543210', 2022),
        report('u9', 2012),
      ]),
    ).toEqual(['2022 (id u01234567)', '2022 (id u0123456f)', '2012']);
  });

  it('names every report’s council when the reports are of more than one council, whatever their years', () => {
    expect(namesOf([report('2012-redcar', 2012, { council: 'Redcar and Cleveland' }), report('u1', 2019)])).toEqual([
      '2012 (Redcar and Cleveland)',
      '2019 (Testshire)',
    ]);
    // A report whose council is not known is named by its year alone; its council cannot differ.
    expect(namesOf([report('u1', 2012, { council: '' }), report('u2', 2019)])).toEqual(['2012', '2019']);
  });

  it('adds only what sets apart the reports still alike', () => {
    expect(
      namesOf([
        report('u1', 2022),
        report('u2', 2022, { inspectionDates: '20 June to 1 July 2022' }),
        report('2022-redcar', 2022, { council: 'Redcar and Cleveland' }),
        report('2015-redcar', 2015, { council: 'Redcar and Cleveland' }),
      ]),
    ).toEqual([
      '2022 (Testshire, inspected 3 to 14 October 2022)',
      '2022 (Testshire, inspected 20 June to 1 July 2022)',
      '2022 (Redcar and Cleveland)',
      '2015 (Redcar and Cleveland)',
    ]);
    // A report with no council is named by its title, as before; one with no dates keeps what it has.
    expect(namesOf([report('u1', 2022, { council: '' }), report('u2', 2022)])).toEqual([
      '2022 (Inspection of local authority children’s services)',
      '2022 (Testshire)',
    ]);
    expect(namesOf([report('u1', 2022, { inspectionDates: '' }), report('u2', 2022)])).toEqual([
      '2022',
      '2022 (inspected 3 to 14 October 2022)',
    ]);
  });
});
