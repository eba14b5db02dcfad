// TEMPORARY STUB written by the lead while the vocabulary helper works; to be overwritten by the full module.
export interface Bridge {
  ask: readonly string[];
  find: readonly string[];
  twoWay?: true;
}

export const BRIDGES: readonly Bridge[] = [
  { ask: ['kids', 'youngsters'], find: ['children', 'young people'] },
  { ask: ['runaways', 'running away', 'run away'], find: ['missing from home', 'missing from care', 'return home interview'] },
  { ask: ['foster parents'], find: ['foster carers'] },
  { ask: ['staff turnover'], find: ['vacancies', 'agency staff', 'stable workforce'] },
];
