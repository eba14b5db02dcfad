import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  formatState,
  parseReports,
  parseState,
  sameReports,
  type Known,
} from '../../src/ui/urlState.ts';
import { normaliseQuery } from '../../src/core/search.ts';
import { readText } from '../../src/worker/drafts.ts';

const known: Known = {
  themes: ['neglect', 'care-leavers'],
  chunkIds: new Set(['2012-p32', '2022-r4']),
  reports: [
    { id: '2012-redcar', year: 2012 },
    { id: '2022-redcar', year: 2022 },
  ],
};

describe('parseState', () => {
  it('reads every field of a well-formed link', () => {
    expect(
      parseState('?q=missing+children&mode=semantic&expand=0&theme=neglect&p=2012-p32&browse=2022-redcar', known),
    ).toEqual({
      state: {
        view: 'search',
        query: 'missing children',
        mode: 'semantic',
        expand: false,
        theme: 'neglect',
        focus: '2012-p32',
        browse: '2022-redcar',
        reports: null,
        scope: 'selection',
      },
      problems: [],
    });
  });

  it('browses a report by id, and by year in older links when that year is one report', () => {
    expect(parseState('?browse=2012', known)).toEqual({
      state: { ...DEFAULT_STATE, browse: '2012-redcar' },
      problems: [],
    });
    const sameYear = { ...known, reports: [...known.reports, { id: 'u1a2b3c4d', year: 2022 }] };
    expect(parseState('?browse=u1a2b3c4d', sameYear).state.browse).toBe('u1a2b3c4d');
    expect(parseState('?browse=2022', sameYear)).toEqual({
      state: DEFAULT_STATE,
      problems: ['The link asks to browse a report that is not here.'],
    });
  });

  it('gives the defaults for an empty link', () => {
    expect(parseState('', known)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('drops what it cannot use and names each problem', () => {
    const { state, problems } = parseState('?q=care&mode=fuzzy&theme=<script>&p=2099-p1&browse=1999', known);
    expect(state).toEqual({ ...DEFAULT_STATE, query: 'care' });
    expect(problems).toEqual([
      'Unknown search mode in the link; using hybrid (modes: hybrid, keyword, semantic).',
      'The link names a theme that does not exist; showing all themes.',
      'The link points to a paragraph that is not in these reports.',
      'The link asks to browse a report that is not here.',
    ]);
  });

  it('reads the comparison views and refuses unknown ones', () => {
    expect(parseState('?view=recommendations', known).state.view).toBe('recommendations');
    expect(parseState('?view=pairs&p=2012-p32', known).state).toMatchObject({ view: 'pairs', focus: '2012-p32' });
    expect(parseState('?view=pairs', known)).toEqual({
      state: DEFAULT_STATE,
      problems: ['The link asks for the counterparts of a paragraph but names none; showing the overview.'],
    });
    expect(parseState('?view=admin', known).problems).toEqual([
      'The link asks for a view that does not exist; showing the overview.',
    ]);
  });

  it('refuses a pair that names the same report twice, keeping the rest of the link', () => {
    expect(parseState('?a=2022-x&b=2022-x&q=care&mode=keyword', known)).toEqual({
      state: { ...DEFAULT_STATE, query: 'care', mode: 'keyword' },
      problems: ['The link names the same report twice; showing the default pair.'],
    });
  });

  it('names reports it cannot put side by side, showing the default pair with the rest of the link', () => {
    const sixIds = ['2012-a', '2013-b', '2014-c', '2015-d', '2016-e', '2017-f'];
    const cases: [string, string][] = [
      [
        '?r=2012-a,2013-b,2014-c,2015-d,2016-e,2017-f,2018-g',
        'The link names 7 reports to compare, more than the 6 that fit side by side; showing the default pair.',
      ],
      ['?r=2012-redcar', 'The link names only one report to compare; showing the default pair.'],
      ['?a=2012-redcar', 'The link names only one report to compare; showing the default pair.'],
      ['?b=2012-redcar', 'The link names only one report to compare; showing the default pair.'],
      ['?a=2012-redcar&b=', 'The link names only one report to compare; showing the default pair.'],
      [
        '?a=%3Cscript%3E&b=2012-redcar',
        'The link names a report by an id no report can have; showing the default pair.',
      ],
      ['?r=2012-redcar,,2022-redcar', 'The link names a report by an id no report can have; showing the default pair.'],
      ['?r=2012-redcar,2022-redcar,2012-redcar', 'The link names the same report twice; showing the default pair.'],
    ];
    for (const [link, problem] of cases) {
      expect(parseState(`${link}&q=care&mode=keyword`, known)).toEqual({
        state: { ...DEFAULT_STATE, query: 'care', mode: 'keyword' },
        problems: [problem],
      });
      expect(parseReports(link)).toBeNull();
    }
    expect(parseState(`?r=${sixIds.join(',')}`, known)).toEqual({
      state: { ...DEFAULT_STATE, reports: sixIds },
      problems: [],
    });
    // An empty parameter is no parameter, as for the other settings.
    expect(parseState('?a=&b=&r=', known)).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('survives broken percent-encoding', () => {
    const { state, problems } = parseState('?q=care%ZZleavers&mode=keyword', known);
    expect(state.query).toBe('care%ZZleavers');
    expect(state.mode).toBe('keyword');
    expect(problems).toEqual(['The link contains broken percent-encoding; the parts that could be read were used.']);
  });

  it('cuts an over-long query', () => {
    const { state, problems } = parseState(`?q=${'a'.repeat(5000)}`, known);
    expect(state.query).toHaveLength(1000);
    expect(problems).toEqual(['The query in the link was cut to 1000 characters.']);
  });
});

describe('paragraph links', () => {
  it('open any paragraph the chunker numbers, 10,000 and past it', () => {
    const paragraphs = Array.from({ length: 10_033 }, (_, i) => `${i + 1}. The council helps child ${i + 1}.`);
    const text = `Testshire children's services inspection\nInspection dates: 1 to 5 March 2021\n\n${paragraphs.join('\n\n')}\n`;
    const { id, parsed } = readText('testshire.txt', text);
    const last = parsed.chunks.at(-1)!;
    expect(last).toMatchObject({ paragraph: 10_033, id: `${id}-p10033` });
    const opened = { ...known, chunkIds: new Set(parsed.chunks.map((c) => c.id)) };
    for (const chunk of [last, parsed.chunks[9_999]!, parsed.chunks[0]!]) {
      expect(parseState(`?p=${chunk.id}`, opened)).toEqual({
        state: { ...DEFAULT_STATE, focus: chunk.id },
        problems: [],
      });
    }
    const bundled = { ...known, chunkIds: new Set(['2012-p123456789', '2012-b10001']) };
    expect(parseState('?p=2012-p123456789', bundled).state.focus).toBe('2012-p123456789');
    expect(parseState('?p=2012-b10001', bundled).state.focus).toBe('2012-b10001');
  });
});

describe('over-long queries', () => {
  const emoji = '😀';
  it('are cut between characters, never inside an emoji', () => {
    expect(normaliseQuery('a' + emoji.repeat(600))).toEqual({ query: 'a' + emoji.repeat(499), truncated: true });
    expect(normaliseQuery(emoji.repeat(600))).toEqual({ query: emoji.repeat(500), truncated: true });
    const { state, problems } = parseState(`?q=${encodeURIComponent('a' + emoji.repeat(600))}`, known);
    expect(state.query).toBe('a' + emoji.repeat(499));
    expect(problems).toEqual(['The query in the link was cut to 1000 characters.']);
  });

  it('are written to the address as they were cut for the search', () => {
    const typed = 'care '.repeat(20_000);
    const link = formatState({ ...DEFAULT_STATE, query: typed });
    expect(link).toBe(`?q=${'care+'.repeat(199)}care`);
    expect(parseState(link, known)).toEqual({
      state: { ...DEFAULT_STATE, query: normaliseQuery(typed).query },
      problems: [],
    });
    const emojis = formatState({ ...DEFAULT_STATE, query: 'a' + emoji.repeat(50_000) });
    expect(emojis).toBe(`?q=a${'%F0%9F%98%80'.repeat(499)}`);
    // A query short enough is written as typed.
    expect(formatState({ ...DEFAULT_STATE, query: ' care  leavers ' })).toBe('?q=+care++leavers+');
  });
});

describe('parseReports', () => {
  it('reads the two reports a link compares, or nothing', () => {
    expect(parseReports('?a=u1a2b3c4d&b=2012-redcar')).toEqual(['u1a2b3c4d', '2012-redcar']);
    expect(parseReports('?a=u1a2b3c4d')).toBeNull();
    expect(parseReports('?a=%3Cscript%3E&b=x')).toBeNull();
    expect(parseReports('?r=2012-redcar,u1a2b3c4d,u5e6f7a8b')).toEqual(['2012-redcar', 'u1a2b3c4d', 'u5e6f7a8b']);
    expect(parseReports('?r=2012-redcar')).toBeNull();
    expect(parseReports('?r=a,b,c,d,e,f,g')).toBeNull();
  });

  it('compares sets of reports by their ids, in order', () => {
    expect(sameReports(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameReports(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameReports(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(sameReports(null, null)).toBe(true);
    expect(sameReports(['a', 'b'], null)).toBe(false);
  });
});

describe('formatState', () => {
  it('leaves defaults out and round-trips', () => {
    expect(formatState(DEFAULT_STATE)).toBe('');
    const state = {
      view: 'compare' as const,
      query: 'return home & "missing"',
      mode: 'keyword' as const,
      expand: false,
      theme: 'neglect',
      focus: '2022-r4',
      browse: null,
      reports: ['u1a2b3c4d', '2022-x'],
      scope: 'selection' as const,
    };
    expect(formatState(state)).toBe(
      '?view=compare&a=u1a2b3c4d&b=2022-x&q=return+home+%26+%22missing%22&mode=keyword&expand=0&theme=neglect&p=2022-r4',
    );
    expect(parseState(formatState(state), known).state).toEqual(state);
  });

  it("keeps the choice to search only the reader's words, and names a setting it cannot read", () => {
    expect(formatState({ ...DEFAULT_STATE, query: 'runaways' })).toBe('?q=runaways');
    expect(parseState('?q=runaways&expand=0', known)).toEqual({
      state: { ...DEFAULT_STATE, query: 'runaways', expand: false },
      problems: [],
    });
    expect(parseState('?q=runaways&expand=maybe', known)).toEqual({
      state: { ...DEFAULT_STATE, query: 'runaways' },
      problems: ['The link has an unknown "expand" setting; everyday words are widened as usual.'],
    });
  });

  it('names three reports or more in one list, and a search of every report by its scope', () => {
    const state = {
      ...DEFAULT_STATE,
      query: 'neglect',
      reports: ['2012-x', '2015-y', '2022-z'],
      scope: 'library' as const,
    };
    expect(formatState(state)).toBe('?r=2012-x%2C2015-y%2C2022-z&scope=library&q=neglect');
    expect(parseState(formatState(state), known).state).toEqual(state);
    expect(parseState('?scope=everywhere', known).problems).toEqual([
      'Unknown search scope in the link; searching the reports side by side.',
    ]);
  });
});
