/**
 * Everyday words → the reports' words: a reader asks about "kids who run away" or "staff leaving", an Ofsted report
 * says "missing from care", "return home interviews", "vacancies" and "agency staff". Each bridge lists a reader's
 * phrases (`ask`) and the phrases the reports use for the same thing (`find`); expansion.ts matches `ask` on word stems
 * and searches for `find` as well.
 *
 * Vocabulary sources:
 * - the two seed reports, /seeds (Ofsted's 2012 inspection of safeguarding and looked after children services and
 *   2022 ILACS inspection of Redcar and Cleveland), for the phrases inspectors actually write;
 * - the 25 themes of taxonomy.ts (every theme has bridges here);
 * - the glossary and definitions of "Working Together to Safeguard Children" (DfE, 2018 and 2023 editions);
 * - Ofsted's framework for inspecting local authority children's services (ILACS), its evaluation criteria and glossary,
 *   and the terms of the earlier safeguarding and looked after children inspections;
 * - the Children Act 1989 (section 17, 20, 31 and 47, care and supervision orders, special guardianship, private
 *   fostering), with the leaving-care and corporate-parenting terms that later Acts added (pathway plans, personal
 *   advisers, staying put, the local offer);
 * - CoramBAAF's fostering and adoption glossary (connected carers, viability assessments, early permanence, fostering
 *   for adoption, life-story work, special guardianship);
 * - NSPCC Learning's safeguarding terms (types of abuse, grooming, child sexual and criminal exploitation, county
 *   lines, contextual safeguarding, harmful sexual behaviour, LADO, safer recruitment).
 * Written from knowledge of those publications; no judged question was consulted.
 *
 * Rules kept: `ask` is lower case, phrases as well as words, with the spelling variants a stemmer would not join, and no
 * phrase is in two bridges; `find` holds one to four phrases in the reports' own language, never words found in
 * every paragraph unless the reader's word is as general ("kids" → "children").
 */

/** One bridge from a reader's words to the reports' words. */
export interface Bridge {
  /** Everyday words and phrases, lower case, as a reader types them (include common plural/spelling variants that a stemmer would not join, e.g. 'kids', 'kiddies'; a stemmer already joins 'runaway'/'runaways'). */
  ask: readonly string[];
  /** The reports' words and phrases for the same thing, lower case, most typical first, 1-4 of them. Use phrases the reports (or reports like them) really use. */
  find: readonly string[];
  /** True when a reader who types one of `find` may also mean the others in `find` (synonyms within the reports' own language, e.g. 'vacancies' and 'agency staff' both for staffing). Omit otherwise. */
  twoWay?: true;
}

export const BRIDGES: readonly Bridge[] = [
  // ── General words ──────────────────────────────────────────────────────────
  { ask: ['kids', 'kiddies', 'youngsters', 'children', 'little ones', 'minors'], find: ['children', 'young people'] },
  {
    ask: ['teens', 'teenagers', 'teenage kids', 'older kids'],
    find: ['adolescents', 'young people', 'older children'],
  },
  {
    ask: ['baby', 'newborn', 'infant', 'toddler', 'under fives', 'under 5s'],
    find: ['babies', 'children under five', 'very young children'],
  },
  {
    ask: ['mum', 'dad', 'mums and dads', 'mam', 'mom', 'mummy', 'daddy', 'mother', 'father', 'mothers and fathers'],
    find: ['parents', 'parents and carers'],
  },
  {
    ask: ['real parents', 'real mum', 'natural parents', 'biological parents', 'blood relatives', 'biological family'],
    find: ['birth families', 'birth parents'],
  },
  {
    ask: ['caregiver', 'care givers', 'guardians'],
    find: ['carers', 'foster carers', 'connected carers'],
  },
  {
    ask: ['council', 'la', 'local council', 'county council', 'borough council'],
    find: ['local authority', 'the council'],
  },
  {
    ask: [
      'social services',
      'social work department',
      "children's social services",
      'child services',
      'child protective services',
    ],
    find: ["children's social care", 'local authority', "children's services"],
  },
  {
    ask: ['frontline staff', 'frontline workers', 'caseworker', 'case worker', 'sw'],
    find: ['social workers', 'practitioners', 'front line staff'],
  },
  {
    ask: [
      'keeping kids safe',
      'keeping children safe',
      'protecting children',
      'protect kids',
      'child safety',
      'child welfare',
    ],
    find: ['safeguarding', 'child protection', 'feel safe'],
  },
  {
    ask: ['sense of safety', 'feel unsafe', 'kids feel safe'],
    find: ['feel safe', 'safe and feel safe', 'safe places'],
  },
  {
    ask: [
      'vulnerable kids',
      'kids at risk',
      'children at risk',
      'at risk children',
      'at risk kids',
      'children needing protection',
      'kids needing help',
    ],
    find: ['children who need help and protection', 'vulnerable children', 'risk of harm'],
  },
  {
    ask: ['cin', 'cin plan', 's17', 'child in need', 'kids in need', 'needy children', 'needy kids'],
    find: ['children in need', 'child in need plans', 'section 17'],
  },
  {
    ask: ['danger', 'in danger', 'unsafe', 'not safe'],
    find: ['risk', 'risk of harm', 'immediate safety'],
  },
  {
    ask: [
      'results for children',
      'difference it makes',
      'making a difference',
      'impact on kids',
      'better lives',
      'does it work',
    ],
    find: ['outcomes', 'impact for children', 'improved outcomes'],
  },
  {
    ask: ["what it's like for the child", 'day to day life', 'daily life', 'what life is like', 'life at home'],
    find: ['lived experience', "child's experience", 'experiences and progress'],
  },
  {
    ask: ['waiting list', 'waiting times', 'wait', 'slow', 'too slow', 'too long', 'taking ages', 'hold ups'],
    find: ['delay', 'drift', 'timeliness', 'timescales'],
  },
  {
    ask: ['on time', 'deadline', 'fast enough', 'how quickly', 'how fast', 'speed', 'promptly'],
    find: ['timely', 'within timescales', 'timeliness'],
  },
  {
    ask: ['stuck', 'going nowhere', 'nothing changing', 'no progress', 'dragging on', 'not moving forward'],
    find: ['drift', 'limited progress', 'progression of planning'],
  },
  {
    ask: ['follow through', 'chasing up', 'loose ends', 'no follow up', 'nobody followed up'],
    find: ['followed up', 'actions', 'tracked'],
  },
  {
    ask: [
      'fell through the cracks',
      'fall through the cracks',
      'slipped through the net',
      'overlooked',
      'missed signs',
      'nobody noticed',
    ],
    find: ['missed opportunities', 'not screened', 'not identified'],
  },
  {
    ask: ['legal duties', 'the law', 'legislation', 'children act', 'legal requirements'],
    find: ['statutory requirements', 'legal framework', 'regulation', 'statutory guidance'],
  },
  {
    ask: ['working together guidance', 'working together 2018', 'working together 2023', 'government guidance'],
    find: ['working together to safeguard children', 'statutory guidance', 'national guidance'],
  },
  {
    ask: ['pandemic', 'covid', 'lockdown', 'coronavirus'],
    find: ['covid-19 pandemic', 'business continuity', 'emergency planning'],
  },
  {
    ask: ['cyber attack', 'hack', 'ransomware', 'systems down', 'it failure'],
    find: ['cyberattack', 'business continuity', 'emergency planning'],
  },

  // ── Inspection words ───────────────────────────────────────────────────────
  {
    ask: [
      'inspection grade',
      'inspection rating',
      'ofsted rating',
      'ofsted grade',
      'rating',
      'grades',
      'score',
      'verdict',
      'overall rating',
      'overall grade',
    ],
    find: ['judgement', 'overall effectiveness', 'grade'],
  },
  {
    ask: ['failing', 'not good enough', 'rubbish', 'worst', 'bad rating', 'special measures'],
    find: ['inadequate', 'requires improvement to be good', 'shortfalls'],
  },
  {
    ask: ['excellent', 'brilliant', 'top rated', 'exemplary', 'first class'],
    find: ['outstanding', 'strengths', 'highly effective'],
  },
  {
    ask: ['needs improvement', 'could do better', 'middling', 'mediocre', 'room for improvement', 'ri'],
    find: ['requires improvement to be good', 'adequate', 'areas for improvement'],
  },
  {
    ask: ['getting better', 'got better', 'better than before', 'turned around', 'turnaround', 'progress since'],
    find: ['improvement', 'pace of improvement', 'capacity for improvement'],
  },
  {
    ask: ['getting worse', 'got worse', 'gone downhill', 'slipped', 'went backwards'],
    find: ['deteriorated', 'declined', 'not sustained'],
  },
  {
    ask: ['last inspection', 'last time', 'previous report', 'last report', 'earlier inspection'],
    find: ['previous inspection', 'since the last inspection', 'recommendations'],
  },
  {
    ask: ['check-up visit', 'follow-up visit', 'follow up inspection', 'surprise inspection', 'mini inspection'],
    find: ['focused visit', 'monitoring visit', 'unannounced inspection'],
  },
  {
    ask: ['full inspection', 'standard inspection', 'short inspection', 'jtai', 'joint inspection', 'ilacs'],
    find: ['judgement inspection', 'inspection judgements', 'focused visit'],
  },
  {
    ask: ['ofsted inspector', 'inspection team', 'the inspectors'],
    find: ["her majesty's inspector", 'hmi', 'lead inspector'],
  },
  {
    ask: ['what needs fixing', 'needs fixing', 'things to fix', 'to do list', 'what must change', 'action points'],
    find: ['what needs to improve', 'areas for improvement', 'recommendations'],
  },
  {
    ask: ['strong points', 'what works well', 'good things', 'positives'],
    find: ['strengths', 'good practice', 'highly effective'],
  },
  {
    ask: ['weak points', 'problems', 'shortcomings', 'flaws'],
    find: ['weaknesses', 'shortfalls', 'areas for development'],
  },
  {
    ask: ['government intervention', 'dfe intervention', 'taken over by government', 'government commissioner'],
    find: ['improvement notice', 'statutory direction', 'commissioner'],
  },

  // ── Front door and thresholds ──────────────────────────────────────────────
  {
    ask: [
      'report a concern',
      'reporting concerns',
      'reporting abuse',
      'raise a concern',
      'raising concerns',
      'worried about a child',
      'phone social services',
      'who to call',
    ],
    find: ['contacts', 'referrals', 'front door'],
  },
  {
    ask: [
      'mash',
      'multi-agency safeguarding hub',
      'safeguarding hub',
      'first point of contact',
      'intake team',
      'duty desk',
    ],
    find: ["multi-agency children's hub", 'mach', 'front door', 'access team'],
    twoWay: true,
  },
  {
    ask: ['criteria', 'serious enough', 'bar for help', 'qualify for help', 'meets the criteria', 'eligible for help'],
    find: ['threshold', 'levels of need', 'continuum of need'],
  },
  {
    ask: [
      'wrong referrals',
      'unnecessary referrals',
      'time wasting referrals',
      'too many referrals',
      'inappropriate referrals',
    ],
    find: ['inappropriate contacts', 'do not meet the threshold', 'high volumes'],
  },
  {
    ask: ['swamped', 'overwhelmed', 'snowed under', 'busy', 'busier', 'rising numbers', 'more referrals'],
    find: ['demand', 'high volumes', 'capacity', 'spike in demand'],
  },
  {
    ask: ['night time', 'nights', 'weekends', 'after hours', 'evenings', 'bank holidays', 'emergency social worker'],
    find: ['emergency duty team', 'out of hours', 'edt'],
  },
  {
    ask: ['sifting', 'sorting referrals', 'vetting referrals', 'checking referrals', 'gatekeeping', 'gate keeping'],
    find: ['screening', 'triage', 'contact record'],
  },
  {
    ask: ['advice line', 'consultation line', 'phone line', 'hotline'],
    find: ['professional advice line', 'professional helpline', 'advice and information'],
  },
  {
    ask: ['permission', 'asking permission', 'parents permission', 'without consent', 'agree to share'],
    find: ['parental consent', 'consent', 'information-sharing'],
  },
  {
    ask: ['sharing information', 'data sharing', 'passing on information', 'gdpr', 'confidentiality', 'privacy'],
    find: ['information-sharing', 'information exchange', 'multi-agency information'],
  },
  {
    ask: ['police call outs', 'police callouts', 'call outs', 'police reports', 'police notices'],
    find: ['contacts from the police', 'police referrals', 'notifications'],
  },
  {
    ask: ['anonymous referral', 'anonymous tip', 'neighbour concerns', 'reported by neighbours', 'public reporting'],
    find: ['referrals', 'contacts', 'awareness of the public'],
  },
  {
    ask: ['case closed', 'closed the case', 'closing cases', 'nfa'],
    find: ['no further action', 'case closure', 'step down'],
  },
  {
    ask: ['revolving door', 'back again', 'same families again', 'second time round', 'rereferrals'],
    find: ['repeat plan', 're-referrals', 'repeat referrals', 'repeated incidents'],
  },

  // ── Early help and edge of care ────────────────────────────────────────────
  {
    ask: [
      'early support',
      'support early',
      'help early on',
      'before things get worse',
      'before problems escalate',
      'nip it in the bud',
      'stop things getting worse',
    ],
    find: ['early help', 'early intervention', 'prevention'],
    twoWay: true,
  },
  {
    ask: [
      'parenting classes',
      'parenting course',
      'parenting programs',
      'parenting help',
      'help with parenting',
      'family worker',
      'support worker',
    ],
    find: ['parenting programmes', 'family support', 'early help workers'],
  },
  {
    ask: ['eha', 'early help form', 'tac meeting', 'taf meeting', 'team around the child'],
    find: ['early help assessment', 'common assessment framework', 'caf', 'team around the family'],
    twoWay: true,
  },
  {
    ask: [
      'problem families',
      'chaotic families',
      'struggling families',
      'families struggling',
      'dysfunctional families',
      'supporting families programme',
    ],
    find: ['troubled families', 'multiple and complex issues', 'families in crisis', 'supporting families'],
  },
  {
    ask: [
      'keeping families together',
      'keep kids at home',
      'keeping children at home',
      'stay with their family',
      'stop children going into care',
      'stop kids going into care',
      'avoid care',
      'kept out of care',
    ],
    find: ['edge of care', 'remain in the family home', 'prevent the need for care', 'keep their child safely at home'],
  },
  {
    ask: ['going back home', 'back with parents', 'back to their parents', 'reunited', 'reunion', 'sent back home'],
    find: ['reunification', 'returned home', 'return to their parents', 'supervision orders'],
  },
  {
    ask: ['handed back to early help', 'passed to early help', 'closed to social care', 'moving between services'],
    find: ['step down', 'step up'],
    twoWay: true,
  },
  {
    ask: ['pointed elsewhere', 'referred on', 'sent elsewhere', 'passed on to other services', 'redirected'],
    find: ['signposted', 'followed up', 'tracked'],
  },
  { ask: ['sure start', 'family centres'], find: ["children's centres", 'family hubs'], twoWay: true },
  {
    ask: ['nursery', 'childminder', 'child minder', 'preschool', 'pre-school', 'playgroup'],
    find: ['early years', 'day care provision', 'childcare settings'],
  },
  {
    ask: ['youth club', 'youth workers', 'youth centre', 'nothing to do', 'places to go', 'somewhere to go'],
    find: ['youth service', 'targeted youth support', 'safe places'],
  },
  {
    ask: [
      'poor families',
      'poor kids',
      'low income',
      'hard up',
      'skint',
      'cost of living',
      'on benefits',
      'food banks',
      'deprived areas',
    ],
    find: ['poverty', 'deprivation', 'unemployment', 'living in poverty'],
  },
  {
    ask: [
      'kids caring for parents',
      'children who care for parents',
      'child carers',
      'caring for a parent',
      'looking after a parent',
    ],
    find: ['young carers', 'caring responsibilities'],
  },
  {
    ask: ['family breakdown', 'divorce', 'separation', 'parents splitting up', 'custody battle', 'contact dispute'],
    find: ['family breakdown', 'parental separation', 'private law'],
  },

  // ── Assessment ─────────────────────────────────────────────────────────────
  {
    ask: ['needs assessment', 'assessment of needs', 'family assessment', 'c and f assessment'],
    find: ['single assessment', 'child and family assessment', 'initial and core assessments', 'core assessment'],
    twoWay: true,
  },
  {
    ask: [
      'shallow',
      'superficial',
      'not analytical',
      'thin assessments',
      'lack of analysis',
      'no analysis',
      'descriptive',
    ],
    find: ['quality of analysis', 'analysis of risk', 'quality of assessments'],
  },
  {
    ask: ['family strengths', 'what families do well', 'safety factors', 'good things in the family'],
    find: ['protective factors', 'strengths of the family', 'strength-based'],
  },
  {
    ask: [
      'practice model',
      'social work model',
      'way of working',
      'signs of safety',
      'restorative practice',
      'systemic practice',
    ],
    find: ['model of practice', 'strength-based model', 'practice framework'],
  },
  {
    ask: ['curious', 'asking questions', 'digging deeper', 'face value', 'healthy scepticism'],
    find: ['professional curiosity', 'curiosity', 'challenge'],
  },
  {
    ask: ['open cases waiting', 'unfinished assessments', 'assessment backlog', 'backlog'],
    find: ['open for completion', 'volume of assessments', 'timely assessments'],
  },

  // ── Child protection ───────────────────────────────────────────────────────
  {
    ask: ['cp'],
    find: ['child protection'],
  },
  {
    ask: ['abused', 'mistreated', 'maltreatment', 'ill treatment', 'cruelty', 'cruel', 'hurt'],
    find: ['abuse', 'significant harm', 'child protection'],
  },
  {
    ask: ['serious harm', 'badly hurt', 'serious injury', 'injuries', 'bruises', 'broken bones'],
    find: ['significant harm', 'non-accidental injury', 'child protection medicals'],
  },
  {
    ask: ['hitting', 'beaten', 'beating', 'smacking', 'slapped', 'physical punishment', 'battered'],
    find: ['physical abuse', 'physical harm', 'non-accidental injury'],
  },
  {
    ask: ['shouting', 'screaming at kids', 'belittling', 'verbal abuse', 'psychological abuse', 'mental cruelty'],
    find: ['emotional abuse', 'emotional harm', 'parental behaviours'],
  },
  {
    ask: ['sex abuse', 'molested', 'interfered with', 'rape', 'indecent assault', 'incest'],
    find: ['sexual abuse', 'child sexual abuse', 'sexual abuse awareness'],
  },
  {
    ask: [
      'kids abusing kids',
      'children abusing children',
      'abuse by other children',
      'sexualised behaviour',
      'peer abuse',
    ],
    find: ['harmful sexual behaviour', 'child-on-child abuse', 'peer-on-peer abuse'],
    twoWay: true,
  },
  {
    ask: ['paedophile', 'pedophile', 'sex offender', 'predator', 'dangerous adults'],
    find: ['mappa', 'multi-agency public protection arrangements', 'high level offenders', 'risk management of adults'],
  },
  {
    ask: [
      'on the at risk register',
      'at risk register',
      'child protection register',
      'on the register',
      'cp plan',
      'protection plan',
    ],
    find: ['child protection plan', 'subject to a child protection plan'],
  },
  {
    ask: ['cp conference', 'cp meeting', 'child protection meeting', 'safeguarding meeting', 'icpc', 'rcpc'],
    find: ['initial child protection conference', 'child protection conference', 'case conference'],
  },
  {
    ask: ['investigation', 'cp investigation', 's47', 'social services investigation', 'child abuse investigation'],
    find: ['section 47 enquiries', 'child protection enquiries', 'strategy discussion'],
  },
  {
    ask: ['strat meeting', 'strat discussion', 'joint planning with police'],
    find: ['strategy discussion', 'strategy meeting'],
    twoWay: true,
  },
  {
    ask: ['professionals meeting', 'multi-agency meeting', 'team around the family meeting', 'plan review meeting'],
    find: ['core group', 'core group meetings', 'multi-agency discussions'],
  },
  {
    ask: ['conference chair', 'cp chair', 'chair of the conference', 'independent chair'],
    find: ['child protection chairs', 'oversight and scrutiny', 'independent reviewing unit'],
  },
  {
    ask: ['plan b', 'backup plan', 'fallback', 'what if it fails'],
    find: ['contingency actions', 'contingency arrangements', 'contingency plans'],
  },
  {
    ask: ['years on a plan', 'long time on a plan', 'plans lasting years'],
    find: ['child protection plan for longer than two years', 'repeat plan', 'drift'],
  },
  {
    ask: ['medical examination', 'medical exam', 'examined by a doctor', 'paediatric examination', 'cp medical'],
    find: ['child protection medicals', 'paediatricians', 'specialist forensic service'],
  },
  {
    ask: ['unborn baby', 'pregnant mums', 'expectant mothers', 'before the baby is born', 'newborn removal'],
    find: ['pre-birth assessments', 'unborn', 'vulnerable babies', 'midwifery'],
  },
  {
    ask: ['court', 'family court', 'going to court', 'taken to court', 'judge', 'legal action', 'court case'],
    find: ['care proceedings', 'public law outline', 'court proceedings'],
  },
  {
    ask: ['letter before action', 'lba', 'legal gateway', 'legal planning meeting', 'warning letter', 'pre-court'],
    find: ['pre-proceedings', 'public law outline', 'letters before court proceedings'],
  },
  {
    ask: ['plo', '26 weeks', 'court timescales', 'court deadlines'],
    find: ['public law outline', 'care proceedings', 'pre-proceedings'],
  },
  {
    ask: ['court order', 'ico', 'section 31'],
    find: ['care order', 'interim care order', 'care proceedings'],
  },
  {
    ask: [
      'taken into care',
      'taken away',
      'removed from parents',
      'removed from their parents',
      'child removal',
      'kids taken',
      'children taken',
      'removed from home',
    ],
    find: ['entering care', 'removed from their families', 'become looked after', 'care proceedings'],
  },
  {
    ask: ['s20', 'voluntary care', 'voluntary accommodation', 'voluntarily accommodated', 'parents agreeing to care'],
    find: ['section 20', 'accommodated under section 20', 'legal security'],
  },
  {
    ask: ['epo', 'police protection', 'removed by police', 'emergency removal', 'taken by police'],
    find: ['emergency protection order', 'police powers of protection', 'immediate safety'],
  },
  {
    ask: ['emergency placement', 'emergency care', 'taken into care in an emergency', 'crisis', 'urgent'],
    find: ['entering care in an emergency', 'families in crisis', 'immediate risk', 'urgent action'],
  },
  {
    ask: ['court guardian', 'guardian ad litem', 'court welfare officer', 'court adviser'],
    find: ["children's guardian", 'cafcass'],
  },
  {
    ask: ['keeping safe plan', 'risk plan', 'risk management'],
    find: ['risk management plans', 'safety plans', 'risk assessment'],
  },

  // ── Neglect ────────────────────────────────────────────────────────────────
  {
    ask: [
      'uncared for',
      'not cared for',
      'not looked after properly',
      'neglected',
      'scruffy',
      'unkempt',
      'poor hygiene',
      'head lice',
    ],
    find: ['neglect', 'chronic neglect', 'neglectful situations'],
  },
  {
    ask: ['dirty house', 'dirty home', 'filthy home', 'squalor', 'squalid', 'messy house', 'hoarding', 'unclean'],
    find: ['home conditions', 'neglect', 'basic needs'],
  },
  {
    ask: ['not fed', 'hungry', 'starving', 'no food', 'underfed', 'malnourished', 'going hungry'],
    find: ['neglect', 'basic needs', 'physical needs'],
  },
  {
    ask: ['home alone', 'left alone', 'left on their own', 'unsupervised', 'latchkey'],
    find: ['neglect', 'basic needs', 'immediate safety'],
  },
  {
    ask: ['poor parenting', 'bad parenting', 'bad parents', "parents can't cope", 'parents not coping', 'not coping'],
    find: ['parenting capacity', 'parental behaviours', 'neglect'],
  },
  {
    ask: ['long term neglect', 'years of neglect', 'ongoing neglect', 'neglect over time', 'build up of harm'],
    find: ['chronic neglect', 'cumulative harm', 'repeated patterns of harm', 'repeated incidents of harm'],
    twoWay: true,
  },
  {
    ask: ['graded care profile', 'gcp2', 'neglect toolkit', 'neglect checklist', 'neglect tool'],
    find: ['tools to assess neglect', 'neglect strategy', 'chronic neglect'],
  },
  {
    ask: ['left too long', 'removed too late', 'should have been removed sooner', 'left at home too long'],
    find: ['not coming into care soon enough', 'for too long', 'entering care in an emergency'],
  },
  {
    ask: [
      'not taken to the doctor',
      'not taken to appointments',
      'medical neglect',
      'was not brought',
      'did not attend',
    ],
    find: ['missed appointments', 'not attended health appointments', 'neglect'],
  },

  // ── Missing children and exploitation ──────────────────────────────────────
  {
    ask: [
      'runaway',
      'running away',
      'ran away',
      'absconding',
      'gone missing',
      'went missing',
      'go missing',
      'missing kids',
      'missing children',
      'disappeared',
    ],
    find: ['missing from home', 'missing from care', 'return home interview'],
  },
  {
    ask: ['repeatedly missing', 'frequently missing', 'often missing', 'keeps going missing', 'regularly missing'],
    find: ['missing episodes', 'missing from care', 'return home interview'],
  },
  {
    ask: ['rhi', 'return interview', 'debrief after missing', 'interview after going missing', 'back home interview'],
    find: ['return home interview', 'safe and well checks', 'missing episodes'],
  },
  {
    ask: ['welfare check', 'safe and well visit', 'police welfare check'],
    find: ['safe and well checks', 'return home interview'],
  },
  {
    ask: ['grooming', 'grooming gangs', 'rape gangs', 'sex gangs', 'pimping', 'child prostitution', 'sugar daddy'],
    find: ['child sexual exploitation', 'sexually exploited', 'cse'],
    twoWay: true,
  },
  {
    ask: ['online grooming', 'sexting', 'nudes', 'sextortion', 'online abuse', 'webcam abuse'],
    find: ['online safety', 'child sexual exploitation', 'online exploitation'],
  },
  {
    ask: ['internet safety', 'e-safety', 'social media', 'cyberbullying', 'cyber bullying'],
    find: ['online safety', 'bullying', 'risk taking behaviours'],
  },
  {
    ask: [
      'drug runners',
      'drug running',
      'running drugs',
      'gangs',
      'gang members',
      'cuckooing',
      'drug mules',
      'dealing drugs',
      'selling drugs',
    ],
    find: ['child criminal exploitation', 'criminal exploitation', 'county lines', 'cce'],
    twoWay: true,
  },
  {
    ask: ['knife crime', 'knives', 'stabbings', 'serious violence', 'youth violence', 'violent crime'],
    find: ['serious youth violence', 'criminal exploitation', 'youth offending'],
  },
  {
    ask: ['taken advantage of', 'used by adults', 'manipulated', 'exploiting', 'predatory adults'],
    find: ['exploitation', 'vemt', 'vulnerable, exploited, missing and trafficked'],
  },
  {
    ask: ['mace', 'mace meeting', 'exploitation panel', 'missing panel', 'cse panel', 'exploitation meeting'],
    find: [
      'vemt',
      'vulnerable, exploited, missing and trafficked',
      "vulnerable practitioners' group",
      'multi-agency child exploitation',
    ],
  },
  {
    ask: [
      'risks outside the home',
      'dangers outside the home',
      'harm outside the home',
      'wrong crowd',
      'bad crowd',
      'bad company',
    ],
    find: ['contextual safeguarding', 'extra-familial harm', 'exploitation'],
  },
  {
    ask: ['human trafficking', 'modern slavery', 'slavery', 'smuggled', 'forced labour', 'nrm'],
    find: ['trafficked', 'national referral mechanism', 'independent child trafficking service'],
  },
  {
    ask: ['not in school', 'out of school', 'no school place', 'missing from school', 'missing school', 'off roll'],
    find: ['missing education', 'cme', 'children missing education'],
  },
  {
    ask: ['home schooling', 'homeschooling', 'taught at home', 'educated at home', 'ehe'],
    find: ['elective home education', 'home educated'],
    twoWay: true,
  },

  // ── Domestic abuse ─────────────────────────────────────────────────────────
  {
    ask: [
      'wife beating',
      'wife beater',
      'violence at home',
      'family violence',
      'spousal abuse',
      'partner abuse',
      'abusive partner',
      'abusive relationship',
      'violent partner',
      'violent dad',
      'violent husband',
      'dv',
      'parents fighting',
      'intimate partner violence',
    ],
    find: ['domestic abuse', 'domestic violence'],
    twoWay: true,
  },
  {
    ask: [
      'controlling behaviour',
      'controlling partner',
      'coercion',
      'gaslighting',
      'controlling relationship',
      'financial abuse',
    ],
    find: ['coercive control', 'domestic abuse'],
  },
  {
    ask: ['anger management', 'abusive men', 'violent men', 'men who abuse', 'work with abusers'],
    find: ['perpetrators', 'perpetrators of abuse', 'perpetrator programmes'],
  },
  {
    ask: [
      'high risk victims',
      'high risk domestic abuse',
      'idva',
      'domestic abuse advocate',
      'risk assessment conference',
    ],
    find: ['marac', 'multi-agency risk assessment conference', 'victims'],
  },
  {
    ask: ["women's refuge", 'refuge', 'safe house', 'shelter'],
    find: ['refuge accommodation', 'victims of domestic abuse', 'support for victims'],
  },
  {
    ask: ['operation encompass', 'domestic incident', 'police call out to the home'],
    find: ['domestic violence incidents', 'notifications', 'domestic abuse'],
  },
  {
    ask: [
      'witnessing violence',
      'seeing violence',
      'exposed to violence',
      'living with violence',
      'children who see violence',
    ],
    find: ['experienced domestic violence', 'domestic abuse', 'impact on children'],
  },
  {
    ask: ['toxic trio', 'trio of vulnerabilities', 'parents with problems', 'parental issues'],
    find: ['parental mental health', 'substance misuse', 'domestic abuse'],
  },
  {
    ask: ['honour killing', 'honour violence', 'honour based violence', 'fgm', 'cutting girls', 'made to marry'],
    find: ['forced marriage', 'female genital mutilation', 'honour-based abuse'],
  },

  // ── Health and emotional wellbeing ─────────────────────────────────────────
  {
    ask: [
      'anxiety',
      'anxious',
      'depression',
      'mental illness',
      'mental health problems',
      'mental health issues',
      'emotional problems',
      'wellbeing',
      'well being',
    ],
    find: ['emotional health and well-being', 'mental health', 'camhs'],
  },
  {
    ask: [
      "children's mental health",
      'kids mental health',
      'youth mental health',
      'cahms',
      'mental health service for kids',
    ],
    find: ['camhs', 'child and adolescent mental health services'],
    twoWay: true,
  },
  {
    ask: ['therapy', 'therapist', 'counselling', 'counsellor', 'talking therapy', 'psychologist', 'play therapy'],
    find: ['therapeutic support', 'psychological support', 'camhs'],
  },
  {
    ask: ['trauma', 'traumatised', 'traumatized', 'aces', 'childhood trauma'],
    find: ['trauma-informed', 'adverse childhood experiences', 'emotional and behavioural needs'],
  },
  {
    ask: [
      'behaviour problems',
      'behavior problems',
      'bad behaviour',
      'challenging behaviour',
      'naughty',
      'acting out',
      'kicking off',
      'tantrums',
      'aggressive behaviour',
    ],
    find: ['emotional and behavioural needs', 'behaviour management', 'strengths and difficulties questionnaire'],
  },
  {
    ask: [
      'wellbeing questionnaire',
      'wellbeing score',
      'mental health screening',
      'mental health check',
      'behaviour questionnaire',
    ],
    find: ['strengths and difficulties questionnaire', 'sdq', 'emotional health'],
    twoWay: true,
  },
  {
    ask: [
      'self harm',
      'self injury',
      'cutting themselves',
      'hurting themselves',
      'overdose',
      'suicide',
      'suicide attempts',
      'kill themselves',
    ],
    find: ['self-harm', 'incident of self harm', 'a&e', 'camhs'],
  },
  {
    ask: ['casualty', 'emergency room', 'emergency department', 'admitted to hospital', 'hospital admission'],
    find: ['a&e department', 'accident and emergency', 'paediatric ward'],
  },
  {
    ask: [
      'health check',
      'check up',
      'checkup',
      'medical check',
      'doctor check',
      'lac medical',
      'looked after medical',
    ],
    find: ['health assessments', 'health reviews', 'initial health assessments', 'health plans'],
  },
  {
    ask: ['lac health', 'health of kids in care', 'children in care health', 'looked after health'],
    find: ['health of looked after children', 'health assessments', 'designated nurse'],
  },
  {
    ask: ['dentist', 'teeth', 'tooth decay', 'dentistry'],
    find: ['dental checks', 'dental', 'health reviews'],
  },
  {
    ask: ['jabs', 'vaccines', 'injections', 'immunizations'],
    find: ['immunisations', 'vaccinations', 'health reviews'],
  },
  {
    ask: ['lac nurse', 'cla nurse', 'children in care nurse', 'nurse for children in care', 'specialist nurse'],
    find: ['designated nurse', "looked after children's nurse", 'public health nurses'],
  },
  {
    ask: ['doctor', 'family doctor', 'gp surgery', 'gp practice'],
    find: ['gp', 'general practitioner', 'primary care', 'named gp'],
  },
  {
    ask: ['pediatrician', "children's doctor", 'child doctor', 'hospital doctor'],
    find: ['paediatricians', 'community paediatricians', 'child protection medicals'],
  },
  {
    ask: ['baby clinic', 'baby checks', 'new baby visit', 'red book', 'family nurse'],
    find: ['health visitors', 'health visiting', 'family nurse partnership'],
  },
  { ask: ['school nurse'], find: ['school nursing', 'public health nurses'] },
  {
    ask: ['maternity', 'maternity services', 'antenatal', 'pregnancy care', 'midwives'],
    find: ['midwifery', 'ante-natal care', 'unborn'],
  },
  {
    ask: ['teen mums', 'young mums', 'teenage mothers', 'underage pregnancy', 'teenage parents'],
    find: ['teenage pregnancy', 'under 18 conceptions', 'pregnant teenagers'],
  },
  {
    ask: ['condoms', 'the pill', 'safe sex', 'stis', 'stds', 'sexually transmitted', 'family planning', 'sex clinic'],
    find: ['sexual health', 'contraception', 'genito-urinary services'],
  },
  {
    ask: ['sex education', 'sex ed', 'relationships education', 'rse', 'healthy relationships'],
    find: ['sex and relationship education', 'sexual health', 'risk taking behaviours'],
  },
  {
    ask: [
      'drugs',
      'drug use',
      'drug taking',
      'taking drugs',
      'cannabis',
      'weed',
      'legal highs',
      'solvents',
      'glue sniffing',
    ],
    find: ['substance misuse', 'drugs awareness', 'substance misuse team'],
  },
  {
    ask: ['drinking', 'drunk', 'booze', 'underage drinking', 'binge drinking', 'alcoholic'],
    find: ['alcohol misuse', 'substance misuse', 'misuse alcohol'],
  },
  {
    ask: ['addict parents', 'drug addict', 'junkie', 'addiction', 'heroin', 'cocaine', 'methadone'],
    find: ['substance misuse', 'misuse substances', 'parental substance misuse'],
  },
  {
    ask: [
      'mentally ill parents',
      'postnatal depression',
      'post natal depression',
      'parents with mental illness',
      'depressed mum',
    ],
    find: ['parental mental health', 'adult mental health services', 'parental mental health protocol'],
  },
  {
    ask: ['parent in prison', 'dad in prison', 'mum in prison', 'parent in jail', 'imprisoned parents'],
    find: ['parental imprisonment', 'children of prisoners', 'probation service'],
  },
  {
    ask: ['obesity', 'overweight', 'healthy eating', 'diet', 'exercise'],
    find: ['healthy lifestyles', 'health promotion', 'being healthy'],
  },
  {
    ask: ['sport', 'after school clubs', 'days out', 'holidays', 'music lessons', 'swimming', 'pastimes', 'fun'],
    find: ['hobbies and interests', 'leisure activities', 'positive activities'],
  },

  // ── Disabled children ──────────────────────────────────────────────────────
  {
    ask: [
      'disabled kids',
      'handicapped',
      'kids with disabilities',
      'additional needs',
      'children with additional needs',
      'physically disabled',
      'wheelchair',
      'wheelchair user',
      'cwd',
    ],
    find: ['disabled children', 'children with disabilities', 'children with disabilities team'],
    twoWay: true,
  },
  {
    ask: ['special needs', 'sen', 'ehcp', 'ehc plan', 'statemented', 'special school', 'sen support', 'send support'],
    find: [
      'special educational needs',
      'special educational needs and disabilities',
      'education, health and care plans',
    ],
  },
  {
    ask: ['slow learners', 'intellectual disability', 'mental handicap'],
    find: ['learning disabilities', 'learning difficulties', 'camhs learning disability service'],
    twoWay: true,
  },
  {
    ask: [
      'autism',
      'asd',
      'aspergers',
      'adhd',
      'on the spectrum',
      'neurodiverse',
      'neurodivergent',
      'autism diagnosis',
    ],
    find: ['autistic spectrum disorders', 'diagnosis and assessment pathway', 'neurodevelopmental'],
  },
  {
    ask: [
      'respite',
      'respite care',
      'break for parents',
      'breaks for carers',
      'carers break',
      'time off for parents',
      'sitting service',
    ],
    find: ['short breaks', 'short break care', 'short breaks centre'],
  },
  {
    ask: ['complex medical needs', 'medically complex', 'life limiting', 'tube fed', 'palliative', 'seriously ill'],
    find: ['complex health needs', 'continuing care', 'complex needs'],
  },
  {
    ask: ['moving to adult services', 'adult social care', 'transitions team', 'transition at 18'],
    find: ['transition to adult services', 'preparing for adulthood', 'adult services'],
  },
  {
    ask: ['non verbal', 'nonverbal', 'sign language', 'makaton', 'bsl', 'deaf', 'blind', 'cannot speak', 'pecs'],
    find: ['communication needs', 'tools to support communication', 'sensory impairment'],
  },
  {
    ask: ['speech therapy', 'speech therapist', 'physio', 'physiotherapist', 'ot', 'occupational therapist'],
    find: ['speech and language therapy', 'occupational therapy', 'therapy support'],
  },

  // ── Placements, stability and sufficiency ──────────────────────────────────
  {
    ask: [
      'foster parents',
      'foster family',
      'foster mum',
      'foster dad',
      'foster mom',
      'foster home',
      'foster mother',
      'foster father',
      'foster household',
    ],
    find: ['foster carers', 'foster care', 'fostering service'],
  },
  {
    ask: [
      'not enough foster carers',
      'shortage of foster carers',
      'foster carer shortage',
      'recruiting foster carers',
      'becoming a foster carer',
      'fostering recruitment',
    ],
    find: ['recruitment of foster carers', 'shortage of local foster carers', 'sufficiency'],
  },
  {
    ask: [
      'ifa',
      'fostering agencies',
      'private fostering agency',
      'agency foster carers',
      'agency foster placements',
      'independent fostering agency',
    ],
    find: ['independent foster care agencies', 'independent foster care placements', 'external placements'],
  },
  {
    ask: ['private providers', 'private companies', 'profit making', 'profiteering', 'for profit', 'private equity'],
    find: ['external providers', 'independent providers', 'commissioning'],
  },
  {
    ask: ['expensive placements', 'placement costs', 'cost of placements', 'cost of care', 'costly placements'],
    find: ['high cost of external placements', 'external placements', 'financial pressures'],
  },
  {
    ask: ['care home', 'group home', 'kids home', 'residential home', 'orphanage', 'institution', 'institutional care'],
    find: ['residential provision', "children's homes", 'residential care'],
    twoWay: true,
  },
  {
    ask: ['secure unit', 'locked unit', 'dols', 'dol order', 'restrictions on liberty', 'secure home'],
    find: ['secure accommodation', "secure children's homes", 'deprivation of liberty'],
  },
  {
    ask: [
      'unregistered homes',
      'unregistered placements',
      'illegal placements',
      'illegal homes',
      'unregulated homes',
      'unregulated accommodation',
      'hotels',
      'caravans',
      'airbnb',
      'b&b',
      'bed and breakfast',
    ],
    find: ['unregulated placements', 'unregistered', 'unlawful placements', 'unlawful arrangements'],
  },
  {
    ask: [
      'moved around',
      'pillar to post',
      'too many moves',
      'lots of moves',
      'kept moving',
      'moved a lot',
      'changing homes',
      'bounced around',
    ],
    find: ['multiple moves', 'placement moves', 'placement stability'],
  },
  {
    ask: ['placement breakdown', 'breakdowns', 'disruption', 'placement ended', 'broke down', 'falling apart'],
    find: ['placements at risk of breaking down', 'placements end prematurely', 'placement stability'],
  },
  {
    ask: ['settled', 'settled home', 'stable home', 'stay in one place', 'same carers'],
    find: ['stable placements', 'placement stability', 'long-term placement stability'],
  },
  {
    ask: [
      'right home',
      'right placement',
      'finding a home',
      'finding homes',
      'good match',
      'placement search',
      'nowhere to place',
      'no beds',
    ],
    find: ['placement choice', 'matching', 'sufficiency', 'placement officer'],
  },
  {
    ask: [
      'not enough places',
      'not enough homes',
      'shortage of placements',
      'shortage of homes',
      'placement shortage',
      'lack of placements',
    ],
    find: ['sufficiency', 'sufficiency strategy', 'placement sufficiency', 'commissioning'],
  },
  {
    ask: [
      'far from home',
      'far away',
      'miles away',
      'out of area',
      'out of borough',
      'out of county',
      'sent away',
      'long way from home',
    ],
    find: ['placed out of the area', 'outside the borough', 'placed externally'],
  },
  {
    ask: [
      'brothers',
      'sisters',
      'sibs',
      'separated siblings',
      'siblings split up',
      'keeping siblings together',
      'half brother',
      'step siblings',
    ],
    find: ['siblings', 'brothers and sisters', 'sibling groups'],
    twoWay: true,
  },
  {
    ask: [
      'kinship care',
      'kinship carers',
      'kinship placement',
      'kin carers',
      'friends and family carers',
      'relative carers',
      'placed with relatives',
      'placed with family',
    ],
    find: ['connected carers', 'family and friends carers', 'family and friends'],
    twoWay: true,
  },
  {
    ask: [
      'kinship',
      'grandparents',
      'grandma',
      'grandmother',
      'grandad',
      'grandfather',
      'granny',
      'gran',
      'nan',
      'nana',
      'aunt',
      'auntie',
      'uncle',
      'relatives',
      'living with relatives',
      'extended family',
    ],
    find: ['connected carers', 'family and friends carers', 'special guardianship', 'wider family'],
  },
  {
    ask: [
      'checking relatives',
      'assessing relatives',
      'assessing grandparents',
      'kinship assessment',
      'regulation 24',
      'reg 24',
      'temporary approval',
    ],
    find: ['viability assessments', "connected carers' assessments", 'full connected carers assessments'],
  },
  {
    ask: ['unapproved carers', 'unassessed carers', 'informal arrangements', 'not approved'],
    find: ['not approved as carers', 'unlawful arrangements', 'outside the safeguards provided by regulation'],
  },
  {
    ask: [
      'approval panel',
      'carer approval',
      'form f',
      'checks on foster carers',
      'spot checks on carers',
      'unannounced checks',
    ],
    find: ['fostering panel', 'unannounced visits', 'foster carer reviews'],
  },
  {
    ask: [
      'foster pay',
      'foster carer pay',
      'carer allowance',
      'fostering fees',
      'fostering social worker',
      'foster carer support',
    ],
    find: ['supervising social workers', 'fostering workers', 'fostering allowances', 'training for foster carers'],
  },
  {
    ask: [
      'therapeutic fostering',
      'professional foster carers',
      'treatment foster care',
      'mockingbird',
      'specialist foster carers',
    ],
    find: ['specialist model of foster care', 'specialist foster care', 'therapeutic'],
  },
  {
    ask: ['mother and baby placement', 'mother and baby unit', 'parent and baby foster', 'parent and child foster'],
    find: ['parent and child placements', 'parenting assessment', 'residential assessment'],
  },
  {
    ask: ['placed at home', 'home on a care order', 'living at home on a care order', 'placement with parents'],
    find: ['placed with parents', 'returned home under interim care proceedings', 'care order'],
  },

  // ── Care planning, permanence and adoption ─────────────────────────────────
  {
    ask: [
      'kids in care',
      'in care',
      'care kids',
      'looked after kids',
      'lac',
      'cla',
      'foster kids',
      'foster children',
      'care children',
      'care system',
      'state care',
      'wards of the state',
      'orphans',
    ],
    find: ['children in care', 'looked after children', 'children looked after'],
    twoWay: true,
  },
  {
    ask: ['been in care', 'grew up in care', 'brought up in care', 'ex care kids', 'former children in care'],
    find: ['care experienced', 'care leavers'],
  },
  {
    ask: ['number of kids in care', 'numbers in care', 'care population', 'lac numbers'],
    find: ['looked after population', 'looked after children numbers', 'comparators'],
  },
  {
    ask: [
      'checking on kids',
      'checking on children',
      'home visit',
      'visiting children',
      'visiting kids',
      'seeing the child',
      'seeing children',
      'spoken to alone',
      'talking to the child alone',
      'seen on their own',
      'how often visited',
      'visit frequency',
    ],
    find: ['statutory visits', 'seen alone', 'visits', 'seen regularly'],
  },
  {
    ask: [
      'one to one work',
      'working directly with children',
      'play sessions',
      'play work',
      'work with the child',
      'worksheets',
    ],
    find: ['direct work', 'life-story work', 'creative tools'],
  },
  {
    ask: ['building trust', 'rapport', 'bond', 'getting to know the child', 'relationship based'],
    find: ['positive relationships', 'build relationships', 'relationship-based practice'],
  },
  {
    ask: ['not giving up', 'never give up', 'sticking with families', 'sticking with them', 'dogged', 'perseverance'],
    find: ['persistence', 'stickability', 'tenacious'],
  },
  {
    ask: [
      'changing social workers',
      'too many social workers',
      'keeps changing social worker',
      'different social workers',
      'same social worker',
    ],
    find: ['changes of social worker', 'consistent social workers', 'continuity', 'stable workforce'],
  },
  {
    ask: [
      'adopted',
      'adoptive parents',
      'adoptive families',
      'adopt a child',
      'forever family',
      'forever home',
      'new family',
      'new parents',
    ],
    find: ['adoption', 'placed for adoption', 'regional adoption agency', 'adoption support'],
  },
  {
    ask: [
      'adoption delays',
      'waiting to be adopted',
      'adoption waiting',
      'time to adoption',
      'how long adoption takes',
      'adoption timescales',
    ],
    find: ['waiting for adoption', 'placed for adoption within a year', 'adoption scorecard', 'timeliness'],
  },
  {
    ask: ['adoption agency', 'regional adoption', 'raa', 'adoption hub'],
    find: ['regional adoption agency', 'adoption service'],
  },
  {
    ask: [
      'post adoption support',
      'help after adoption',
      'asf',
      'support for adopters',
      'support for adoptive families',
    ],
    find: ['adoption support', 'adoption support offer', 'adoption support fund'],
  },
  {
    ask: ['foster to adopt', 'ffa', 'concurrency', 'concurrent carers', 'adopt from birth'],
    find: ['early permanence', 'early permanence carers', 'fostering for adoption', 'concurrent planning'],
    twoWay: true,
  },
  {
    ask: ['adoption breakdown', 'failed adoptions', 'adoptions breaking down', 'returned adopted children'],
    find: ['adoption disruption', 'adoption support', 'disruption'],
  },
  {
    ask: ['special guardian', 'sgo', 'guardianship', 'legal guardian', 'legal guardianship'],
    find: ['special guardianship', 'special guardianship orders', 'special guardianship arrangements'],
  },
  {
    ask: ['cao', 'lives with order', 'custody order'],
    find: ['child arrangements orders', 'residence orders', 'legal permanence'],
  },
  {
    ask: [
      'permanent home',
      'permanent family',
      'long term plan',
      'long term future',
      'settled future',
      'until they grow up',
    ],
    find: ['permanence', 'permanence planning', 'long-term care', 'legal security'],
  },
  {
    ask: ['long term fostering', 'permanent foster care', 'permanent fostering'],
    find: ['long-term foster care', 'permanence', 'permanent placements'],
  },
  {
    ask: ['plan for the child', "child's plan", 'care planning meeting', 'plans for children in care'],
    find: ['care plan', 'permanence plans'],
  },
  {
    ask: ['lac review', 'cla review', 'looked after review', 'care review', 'statutory review'],
    find: ['reviews', 'review meetings', 'independent reviewing officer'],
  },
  {
    ask: ['iro', 'reviewing officer', 'independent reviewer', 'person who chairs reviews'],
    find: ['independent reviewing officer', 'independent reviewing service', 'independent reviewing unit'],
  },
  {
    ask: [
      'life story',
      'life story book',
      'memory box',
      'later life letters',
      'why they are in care',
      'knowing their past',
    ],
    find: ['life-story work', 'direct work', 'reasons for being a child in care'],
  },
  {
    ask: [
      'seeing parents',
      'seeing their parents',
      'seeing mum',
      'seeing dad',
      'seeing family',
      'seeing their family',
      'visiting parents',
      'visits with parents',
      'contact centre',
      'keeping in touch with family',
      'family contact',
      'time with family',
      'contact arrangements',
    ],
    find: ['family time', 'contact', 'birth families', 'supervised contact'],
  },
  {
    ask: ['legal status', 'proper legal order', 'legal position', 'legal basis'],
    find: ['legal framework', 'legal security', 'legal permanence'],
  },

  // ── Care leavers ───────────────────────────────────────────────────────────
  {
    ask: [
      'leaving care',
      'left care',
      'ageing out',
      'turning 18',
      'after 18',
      'over 18',
      'moving on from care',
      'moving out of care',
      'young adults from care',
      'after care',
      'aftercare',
      '18 plus',
      '18+',
      '16 plus',
    ],
    find: ['care leavers', 'pathway plans', 'personal advisers', 'leaving care service'],
  },
  {
    ask: ['pa', 'leaving care worker', 'after care worker', 'care leaver worker', 'personal advisor'],
    find: ['personal advisers', 'leaving care team'],
  },
  {
    ask: ['leaving care plan', 'plan for leaving care', 'transition plan', 'moving on plan', 'independence plan'],
    find: ['pathway plans', 'preparing for independence'],
  },
  {
    ask: [
      'staying with foster carers',
      'stay on with carers',
      'staying on at foster home',
      'living with foster carers after 18',
      'stay after 18',
    ],
    find: ['staying put', 'staying close', 'remain with their carers'],
  },
  {
    ask: [
      'flat',
      'housing',
      'somewhere to live',
      'place to live',
      'place of their own',
      'own place',
      'own flat',
      'council house',
      'council flat',
      'social housing',
      'rent',
      'bedsit',
      'digs',
    ],
    find: ['accommodation', 'suitable accommodation', 'tenancy', 'homeless 16 and 17-year-olds'],
  },
  {
    ask: [
      'hostel',
      'semi independent',
      'semi independent living',
      'foyer',
      'training flat',
      'taster flat',
      'move on accommodation',
      'lodgings',
      'shared house',
    ],
    find: ['supported accommodation', 'supported housing', 'supported tenancies', 'supported lodgings'],
    twoWay: true,
  },
  {
    ask: [
      'housing priority',
      'priority for housing',
      'housing band',
      'housing register',
      'housing list',
      'bidding for houses',
    ],
    find: ['priority one status', 'secure tenancy', 'housing providers'],
  },
  {
    ask: ['housing department', 'housing officers', 'housing services', 'housing association', 'landlords'],
    find: ['housing providers', 'accommodation officer', 'housing options'],
  },
  {
    ask: [
      'care leaver entitlements',
      'what care leavers get',
      'care leaver rights',
      'leaving care grant',
      'setting up home grant',
      'setting up home allowance',
      'leaving care allowance',
      'care leaver discounts',
      'care leaver covenant',
    ],
    find: ['local offer', 'entitlements', 'financial eligibility'],
  },
  {
    ask: ['council tax', 'free council tax', 'council tax discount', 'council tax relief', 'no council tax'],
    find: ['council tax exemption', 'local offer'],
  },
  {
    ask: ['university bursary', 'money for university', 'student finance', 'uni funding', 'student loan'],
    find: ['bursary', 'higher education', 'university'],
  },
  {
    ask: ['uni', 'degree', 'students', 'going to university', 'further education'],
    find: ['university', 'higher education', 'college'],
  },
  {
    ask: [
      'jobs',
      'getting a job',
      'work experience',
      'careers advice',
      'careers guidance',
      'internship',
      'traineeship',
      'first job',
    ],
    find: ['employment', 'education, employment and training', 'apprenticeships'],
  },
  {
    ask: ['not in work', 'unemployed', 'out of work', 'jobless', 'not in education or work'],
    find: ['neet', 'not in education, employment or training', 'eet worker'],
  },
  {
    ask: ['18 to 25', 'up to 25', 'until 25', 'aged 21'],
    find: ['care leavers', 'up to the age of 25', 'young adults'],
  },
  {
    ask: ['lost contact', 'lost touch', 'out of touch', 'stay in contact', 'reluctant to engage'],
    find: ['in touch', 'keeping in touch', 'persistence'],
  },
  {
    ask: [
      'life skills',
      'living skills',
      'cooking',
      'money management',
      'managing money',
      'ready to live alone',
      'living alone',
    ],
    find: ['preparing for independence', 'independence', 'independent living skills'],
  },

  // ── Education of children in care ──────────────────────────────────────────
  { ask: ['school', 'classroom', 'schoolwork'], find: ['education', 'virtual school', 'attainment'] },
  {
    ask: ['teacher', 'headteacher', 'head teacher', 'form tutor'],
    find: ['designated teachers', 'virtual head teacher', 'schools'],
  },
  {
    ask: ['vsh', 'school for children in care', 'education team for children in care', 'lac education team'],
    find: ['virtual school', 'virtual head teacher', 'designated teachers'],
  },
  {
    ask: ['education plan', 'school plan', 'pep meeting', 'learning plan'],
    find: ['personal education plans', 'pep'],
  },
  {
    ask: [
      'exam results',
      'exams',
      'qualifications',
      'school results',
      'sats',
      'a levels',
      'doing well at school',
      'school performance',
      'academic',
    ],
    find: ['attainment', 'gcse', 'key stage', 'educational achievement'],
  },
  {
    ask: ['falling behind', 'behind at school', 'behind their peers', 'catching up', 'narrowing the gap'],
    find: ['attainment gap', 'closing the gap', 'educational achievement'],
  },
  {
    ask: [
      'expelled',
      'expulsion',
      'kicked out of school',
      'thrown out of school',
      'excluded from school',
      'school exclusions',
      'suspended from school',
      'sent home from school',
    ],
    find: ['permanent exclusions', 'suspensions', 'fixed term exclusions'],
  },
  {
    ask: ['pru', 'part time timetable', 'reduced timetable', 'reduced hours', 'home tuition', 'off site provision'],
    find: ['alternative provision', 'pupil referral unit', 'educational provision'],
  },
  {
    ask: [
      'truancy',
      'truanting',
      'skipping school',
      'bunking off',
      'skiving',
      'wagging',
      'off school',
      'poor attendance',
      'school attendance',
    ],
    find: ['attendance', 'persistent absence', 'school attendance'],
  },
  {
    ask: ['changing schools', 'school moves', 'school changes', 'new school', 'moved schools'],
    find: ['stability of school placements', 'school placements', 'managed moves'],
  },
  {
    ask: ['pupil premium plus', 'pp plus', 'extra money for school', 'tutoring', 'one to one tuition'],
    find: ['pupil premium', 'virtual school', 'additional educational support'],
  },
  {
    ask: ['ed psych', 'educational psychologist', 'school psychologist'],
    find: ['educational psychology', 'emotional and behavioural needs'],
  },
  {
    ask: ['after gcses', 'sixth form', 'staying on at school', 'leaving school'],
    find: ['post-16', 'education, employment and training', 'college'],
  },
  {
    ask: ['bullying', 'picked on', 'name calling', 'teasing'],
    find: ['anti-bullying', 'feel safe', 'behaviour management'],
  },

  // ── Voice, participation and advocacy ──────────────────────────────────────
  {
    ask: [
      'being heard',
      'listened to',
      'not listened to',
      'listen to kids',
      'listening to children',
      'what the child wants',
      'what children want',
      'what kids want',
      "kids' views",
      "children's views",
      'opinions',
      'wishes',
      "child's voice",
      'voice of children',
    ],
    find: ['voice of the child', 'wishes and feelings', 'views of children and young people', 'participation'],
  },
  {
    ask: [
      'having a say',
      'say in services',
      'involving young people',
      'youth involvement',
      'co-production',
      'coproduction',
      'youth voice',
      'consulting children',
      'consulting young people',
    ],
    find: ['participation', 'influence', 'consultation', 'shaping services'],
  },
  {
    ask: [
      'kids council',
      'care council',
      'youth council',
      'youth forum',
      'youth parliament',
      "young people's forum",
      'care leavers forum',
      'children in care council',
      'children in care group',
    ],
    find: ['children in care council', 'cicc', 'participation'],
  },
  {
    ask: ['promise to children in care', 'care pledge', 'our promise', 'charter for children in care'],
    find: ['pledge', 'children in care council', 'corporate parenting'],
  },
  {
    ask: [
      'someone to speak for them',
      'speak on their behalf',
      'someone on their side',
      'nyas',
      'coram voice',
      'rights officer',
      'rights service',
    ],
    find: ['advocacy', 'independent advocacy', 'advocates'],
  },
  {
    ask: ['kids rights', 'rights of children', 'uncrc', 'their rights', 'know their rights', 'human rights'],
    find: ['rights and entitlements', "children's rights service", 'advocacy'],
  },
  {
    ask: ['befriender', 'volunteer befriender', 'mentor', 'volunteer visitor', 'adult friend'],
    find: ['independent visitor', 'mentoring', 'befriending'],
  },
  {
    ask: [
      'complain',
      'how to complain',
      'unhappy with social services',
      'dissatisfied',
      'grievance',
      'ombudsman',
      'lgo',
    ],
    find: ['complaints', 'complaints procedure', 'learning from complaints'],
  },
  {
    ask: [
      'going to their review',
      'attending their review',
      'children at meetings',
      'chair their own review',
      'attending meetings',
    ],
    find: ['attend their meetings', 'contribute to their reviews', 'review meetings'],
  },
  {
    ask: [
      'surveys',
      'questionnaire',
      'what children said',
      'what young people said',
      'bright spots',
      'feedback from children',
    ],
    find: ['survey', 'feedback', 'viewpoint', 'consultation'],
  },
  {
    ask: [
      'young people interviewing staff',
      'young people on interview panels',
      'kids on interview panels',
      'youth panel',
    ],
    find: ['young inspector', 'staff recruitment', 'participation'],
  },
  {
    ask: ['parents views', 'what parents said', 'parent feedback', 'families views', 'families experiences'],
    find: ['views of parents', 'feel listened to', 'treated with respect'],
  },

  // ── Management oversight and supervision ───────────────────────────────────
  {
    ask: ['bosses', 'managers', 'line manager', 'team leader', 'supervisor', 'people in charge'],
    find: ['management oversight', 'team manager', 'senior managers', 'senior leaders'],
  },
  {
    ask: [
      'manager checks',
      'checking work',
      'checking up on social workers',
      'sign off',
      'manager sign off',
      'grip on cases',
      'keeping an eye on cases',
    ],
    find: ['management oversight', 'managerial oversight'],
    twoWay: true,
  },
  {
    ask: [
      'catch ups with manager',
      'manager catch ups',
      'case discussions',
      'talking through cases',
      'reflective practice',
      'time to reflect',
      'group supervision',
    ],
    find: ['supervision', 'reflective', 'supervision records'],
  },
  {
    ask: [
      'who decides',
      'how decisions are made',
      'decisions about children',
      'reasons for decisions',
      'why decisions were made',
    ],
    find: ['decision-making', 'rationale', 'management decisions'],
  },
  {
    ask: ['senior oversight', 'director oversight', 'leaders oversight', 'high risk panel'],
    find: ['line-of-sight', 'senior managers have oversight', 'senior leadership team'],
  },
  {
    ask: [
      'professional disagreement',
      'disagreement between agencies',
      'dispute resolution',
      'resolving disagreements',
    ],
    find: ['escalation', 'escalation policy', 'challenge'],
  },

  // ── Quality assurance and performance ──────────────────────────────────────
  {
    ask: [
      'quality checks',
      'checking quality',
      'case file checks',
      'file audits',
      'dip sampling',
      'spot checks',
      'reviewing files',
      'quality control',
      'qa',
    ],
    find: ['quality assurance', 'audits', 'performance management', 'moderation'],
    twoWay: true,
  },
  {
    ask: ['statistics', 'stats', 'figures', 'metrics', 'kpis', 'scorecard', 'dashboard', 'performance figures'],
    find: ['performance data', 'performance indicators', 'national indicators', 'monthly reporting'],
  },
  {
    ask: [
      'compared to other councils',
      'compared with other areas',
      'other councils',
      'similar councils',
      'benchmarking',
      'league table',
    ],
    find: ['comparators', 'statistical neighbours', 'similar areas', 'national average'],
  },
  {
    ask: [
      'sef',
      'self awareness',
      'know themselves',
      'know their own weaknesses',
      'honest about weaknesses',
      'blind spots',
      'unaware',
    ],
    find: ['self-assessment', 'self-evaluation', 'fully sighted'],
    twoWay: true,
  },
  {
    ask: ['box ticking', 'tick box', 'paperwork exercise', 'going through the motions'],
    find: ['compliance-focused', 'compliance', 'process-driven'],
  },
  {
    ask: [
      'minimum standards',
      'practice guidance',
      'rules for social workers',
      'what is expected of social workers',
      'procedures manual',
    ],
    find: ['practice standards', 'procedures', 'minimum requirements'],
  },
  {
    ask: [
      'spreadsheet',
      'tracking spreadsheet',
      'case tracking',
      'monitoring cases',
      'keeping track',
      'tracking system',
    ],
    find: ['tracker', 'tracked and monitored', 'tracking'],
  },
  {
    ask: [
      'learning from mistakes',
      'lessons learnt',
      'learning culture',
      'learning organisation',
      'peer challenge',
      'sector led improvement',
      'blame culture',
    ],
    find: ['culture of learning', 'peer reviews', 'lessons learned'],
  },
  {
    ask: ['measuring impact', 'evidence of impact', 'proof it works', 'evaluating services'],
    find: ['evaluation of impact', 'outcome measures', 'impact for children'],
  },
  {
    ask: [
      'quality of social work',
      'standard of work',
      'bad practice',
      'poor practice',
      'sloppy work',
      'good social work',
    ],
    find: ['quality of practice', 'social work practice', 'practice shortfalls'],
  },

  // ── Recording ──────────────────────────────────────────────────────────────
  {
    ask: [
      'case notes',
      'notes',
      'paperwork',
      'files',
      'written up',
      'writing up',
      'note taking',
      'documentation',
      'record keeping',
    ],
    find: ['case recording', 'case files', 'written records', 'quality of recording'],
  },
  {
    ask: ['timeline', 'time line', 'case history', 'family history', 'list of events', 'sequence of events'],
    find: ['chronology', 'history', 'significant events'],
  },
  {
    ask: ['meeting notes', 'notes of meetings', 'meeting records', 'action notes'],
    find: ['minutes', 'minutes of meetings', 'distributing minutes'],
  },
  {
    ask: [
      'reading their file',
      'access to records',
      'seeing their file',
      'subject access request',
      'read their records',
      'my file',
      'child friendly recording',
    ],
    find: ['access their records', 'understand why decisions were made', 'writing to the child'],
  },
  {
    ask: ['computer system', 'database', 'case management system', 'liquidlogic', 'mosaic', 'software'],
    find: ["integrated children's system", 'it system', 'electronic records'],
  },

  // ── Workforce, caseloads and training ──────────────────────────────────────
  {
    ask: [
      'staff turnover',
      'turnover',
      'staff leaving',
      'staff shortages',
      'short staffed',
      'understaffed',
      'not enough social workers',
      'shortage of social workers',
      'social workers leaving',
      'unfilled posts',
      'empty posts',
      'high turnover',
      'churn',
      'retention',
      'keeping staff',
      'recruiting social workers',
      'hiring',
    ],
    find: ['vacancies', 'agency staff', 'stable workforce', 'recruitment and retention'],
    twoWay: true,
  },
  {
    ask: [
      'agency workers',
      'agency social workers',
      'locums',
      'temps',
      'temporary staff',
      'interim staff',
      'contractors',
    ],
    find: ['agency staff', 'vacancies', 'permanent staff'],
  },
  {
    ask: [
      'social worker caseloads',
      'how many cases',
      'number of cases',
      'too many cases',
      'case load',
      'cases per worker',
    ],
    find: ['caseloads', 'workloads', 'manageable caseloads'],
  },
  {
    ask: [
      'overworked',
      'overloaded',
      'stretched',
      'stretched thin',
      'burnout',
      'burnt out',
      'burned out',
      'stress',
      'exhausted',
      'under pressure',
      'too much work',
      'heavy workload',
    ],
    find: ['high workloads', 'staff pressures', 'capacity'],
  },
  {
    ask: [
      'morale',
      'staff morale',
      'low morale',
      'happy staff',
      'job satisfaction',
      'staff wellbeing',
      'good place to work',
      'like working there',
    ],
    find: ['feel valued', 'proud to work', 'well supported', 'motivated'],
  },
  {
    ask: [
      'staff training',
      'training courses',
      'cpd',
      'upskilling',
      'learning and development',
      'skills development',
      'social worker training',
    ],
    find: ['training opportunities', 'workforce development', 'professional development', 'multi-agency training'],
  },
  {
    ask: [
      'new social workers',
      'nqsw',
      'first year social workers',
      'junior social workers',
      'trainee social workers',
      'student social workers',
    ],
    find: ['newly qualified social workers', 'asye', 'protected caseloads', 'induction'],
  },
  {
    ask: [
      'grow our own',
      'grow your own',
      'step up to social work',
      'frontline programme',
      'social work apprenticeships',
      'trainee scheme',
    ],
    find: ['social work academy', 'succession planning', 'career progression'],
  },
  {
    ask: [
      'career ladder',
      'career path',
      'career development',
      'becoming a manager',
      'leadership training',
      'management training',
    ],
    find: ['career progression', 'management development programme', 'succession planning'],
    twoWay: true,
  },
  {
    ask: [
      'unqualified staff',
      'unqualified workers',
      'inexperienced staff',
      'inexperienced social workers',
      'skills mix',
      'experience levels',
    ],
    find: ['qualified social workers', 'experienced', 'skills gaps'],
  },
  {
    ask: ['new starters', 'onboarding', 'first weeks', 'welcome programme'],
    find: ['induction', 'induction programme'],
  },
  {
    ask: ['psw', 'head of practice', 'practice educator'],
    find: ['principal social worker', 'practice leads', 'model of practice'],
  },
  {
    ask: ['area team', 'patch team', 'local teams', 'district teams', 'neighbourhood teams'],
    find: ['locality social work teams', 'locality working', 'borough-wide'],
  },
  {
    ask: [
      'not enough staff',
      'not enough people',
      'extra staff',
      'more staff',
      'more social workers',
      'project team',
      'extra capacity',
    ],
    find: ['capacity', 'increase capacity', 'additional social workers'],
  },
  {
    ask: ['pay', 'salary', 'wages', 'pay rates', 'golden hello', 'retention payments'],
    find: ['recruitment and retention', 'market supplements', 'workforce strategy'],
  },
  {
    ask: ['staffing plan', 'people strategy', 'hr strategy', 'hr'],
    find: ['workforce planning', 'workforce strategy', 'workforce development plan'],
  },

  // ── Leadership, governance and corporate parenting ─────────────────────────
  {
    ask: ['director', "head of children's services", "children's director", 'top boss'],
    find: ["director of children's services", 'dcs'],
    twoWay: true,
  },
  {
    ask: [
      'top managers',
      'top team',
      'top brass',
      'people at the top',
      'management team',
      'slt',
      'executives',
      'the leadership',
      'head honchos',
    ],
    find: ['senior leaders', 'senior managers', 'senior management team', 'leadership team'],
    twoWay: true,
  },
  {
    ask: [
      'councillors',
      'politicians',
      'local politicians',
      'cabinet member',
      'portfolio holder',
      'mayor',
      'council leader',
      'council members',
    ],
    find: ['elected members', 'lead member', 'scrutiny committee', 'cross-party support'],
  },
  {
    ask: ['ceo', 'council chief executive', 'chief exec', 'council boss', 'head of the council', 'town hall boss'],
    find: ['chief executive', 'managing director'],
    twoWay: true,
  },
  {
    ask: ['council as parent', 'council as a parent', 'council is the parent', 'state as parent', 'good parent'],
    find: ['corporate parenting', 'corporate parent', 'corporate parenting board'],
    twoWay: true,
  },
  {
    ask: [
      'holding to account',
      'held to account',
      'checks and balances',
      'overview and scrutiny',
      'challenge from councillors',
      'who checks the council',
    ],
    find: ['scrutiny', 'accountability', 'scrutiny committee'],
  },
  {
    ask: [
      'budget',
      'money',
      'funding',
      'cuts',
      'austerity',
      'spending',
      'costs',
      'savings',
      'finances',
      'underfunded',
      'bankrupt',
      'section 114',
      'cash',
      'efficiency savings',
    ],
    find: ['financial pressures', 'resources', 'overspend', 'budget'],
  },
  {
    ask: ['over budget', 'deficit', 'spending too much', 'in the red', 'black hole', 'overspent'],
    find: ['overspend', 'financial pressures', 'high cost of external placements'],
  },
  {
    ask: ['more money', 'extra money', 'extra funding', 'more funding', 'money invested', 'investing'],
    find: ['investment', 'further investment secured', 'increase capacity'],
  },
  {
    ask: ['vision', 'goals', 'aims', 'future plans', 'big picture', 'direction of travel', 'strategic plan'],
    find: ['ambition and prioritisation', "children and young people's plan", 'priorities', 'cypp'],
  },
  {
    ask: ['action plan', 'plan to improve', 'improvement journey', 'turnaround plan', 'recovery plan'],
    find: ['improvement plan', 'pace of improvement', 'capacity for improvement'],
  },
  {
    ask: ['buying services', 'contracts', 'procurement', 'outsourcing', 'tendering', 'purchasing placements'],
    find: ['commissioning', 'commissioning strategy', 'preferred provider'],
  },
  {
    ask: ['political support', 'all parties', 'politics'],
    find: ['cross-party support', 'cross political support', 'elected members'],
  },

  // ── Partnership working ────────────────────────────────────────────────────
  {
    ask: ['cops', 'coppers', 'police force', 'constabulary', 'bobbies'],
    find: ['police', 'joint working', 'police referrals'],
  },
  {
    ask: [
      'agencies working together',
      'joined up',
      'multiagency',
      'inter-agency',
      'interagency',
      'working together',
      'collaboration',
      'cooperation',
      'other agencies',
      'professionals working together',
      'talking to each other',
      'communication between agencies',
      'silos',
    ],
    find: ['partnership working', 'multi-agency', 'joint working', 'partner agencies'],
  },
  {
    ask: [
      'safeguarding board',
      'lscp',
      'safeguarding partnership',
      'safeguarding children partnership',
      'scp',
      'local safeguarding partnership',
    ],
    find: ['safeguarding children board', "safeguarding children's partnership", 'lscb', 'safeguarding partners'],
    twoWay: true,
  },
  {
    ask: [
      'case review',
      'practice review',
      'cspr',
      'national panel',
      'baby p',
      'scandal',
      'inquiry',
      'learning review',
      'lessons from tragedies',
    ],
    find: ['serious case review', 'child safeguarding practice review', 'rapid review'],
    twoWay: true,
  },
  {
    ask: [
      'child death',
      'children dying',
      'baby deaths',
      'deaths of children',
      'child died',
      'baby died',
      'cot death',
      'sudden death',
    ],
    find: ['child death overview panel', 'cdop', 'serious case review'],
  },
  {
    ask: [
      'nhs',
      'health service',
      'hospitals',
      'health trust',
      'icb',
      'ccg',
      'integrated care board',
      'doctors and nurses',
    ],
    find: ['health agencies', 'health partners', 'clinical commissioning group', 'designated professionals'],
  },
  {
    ask: ['dsl', 'school safeguarding lead', 'child protection lead', 'cp lead', 'named nurse', 'named doctor'],
    find: ['designated safeguarding lead', 'safeguarding leads', 'named professionals'],
  },
  {
    ask: [
      'charities',
      'third sector',
      'community groups',
      'ngos',
      'non profits',
      'not for profit',
      'faith groups',
      'local organisations',
      'vcs',
    ],
    find: ['voluntary and community sector', 'voluntary sector', 'commissioned services'],
  },
  {
    ask: ['probation', 'probation officer', 'offender management'],
    find: ['probation service', 'mappa', 'youth offending service'],
  },
  {
    ask: ['neighbouring councils', 'nearby councils', 'regional working', 'across the region', 'regional partnership'],
    find: ['neighbouring authorities', 'regional', 'consortium'],
  },
  {
    ask: ['joint visit', 'visit with police', 'police and social workers together'],
    find: ['joint working', 'joint investigation', 'police'],
  },

  // ── Allegations, safer recruitment and private fostering ───────────────────
  {
    ask: [
      'abuse by staff',
      'staff abusing children',
      'teachers abusing',
      'allegations against staff',
      'allegations against teachers',
      'complaints about staff',
      'abusive teacher',
      'abusive carers',
      'position of trust',
      'accusations',
      'staff accused',
      'designated officer',
      'allegations management',
    ],
    find: [
      'allegations against professionals',
      'lado',
      'local authority designated officer',
      'people who work with children',
    ],
  },
  {
    ask: ['whistle blowing', 'whistleblower', 'speaking out about abuse'],
    find: ['whistleblowing', 'allegations', 'lado'],
  },
  {
    ask: [
      'background checks',
      'dbs checks',
      'police checks',
      'criminal record checks',
      'vetting',
      'staff checks',
      'pre-employment checks',
      'employment checks',
    ],
    find: ['safer recruitment', 'dbs', 'criminal records bureau', 'crb'],
  },
  {
    ask: [
      'living with a family friend',
      'living with friends',
      'staying with friends',
      'informal fostering',
      'private arrangement',
      'host family',
      'language students',
      'private foster carer',
    ],
    find: ['private fostering', 'privately fostered children', 'private fostering arrangements'],
    twoWay: true,
  },

  // ── Homeless 16 and 17-year-olds ───────────────────────────────────────────
  {
    ask: [
      'homeless',
      'homeless teenagers',
      'homeless teens',
      'homeless kids',
      'kicked out',
      'thrown out',
      'kicked out by parents',
      'nowhere to live',
      'nowhere to stay',
      'sofa surfing',
      'couch surfing',
      'sleeping rough',
      'rough sleeping',
      'on the streets',
      'living on the streets',
      'street kids',
    ],
    find: ['homeless 16 and 17-year-olds', 'present as homeless', 'suitable accommodation', 'rights and entitlements'],
  },
  {
    ask: [
      'southwark ruling',
      'southwark case',
      'homeless protocol',
      'housing protocol',
      'joint housing protocol',
      'homeless assessment',
    ],
    find: ['southwark judgment', 'joint protocol', 'section 20', 'rights and entitlements'],
  },
  {
    ask: ['sixteen year olds', 'seventeen year olds', '16 year olds', '17 year olds', '16-17 year olds'],
    find: ['16 or 17', '16 to 17-year-olds', 'homeless 16 and 17-year-olds'],
  },

  // ── Youth offending ────────────────────────────────────────────────────────
  {
    ask: [
      'jail',
      'prison',
      'locked up',
      'youth prison',
      'young offenders institution',
      'yoi',
      'secure training centre',
      'detention',
      'detained',
      'borstal',
      'juvie',
      'juvenile detention',
      'behind bars',
    ],
    find: ['custody', 'youth offending', 'secure establishments'],
  },
  {
    ask: [
      'remanded',
      'on remand',
      'police cells',
      'held in police cells',
      'overnight in cells',
      'kept in cells',
      'pace beds',
      'pace transfers',
    ],
    find: ['remand', 'police custody', 'pace', 'secure accommodation'],
  },
  {
    ask: [
      'young offenders',
      'juvenile delinquents',
      'delinquents',
      'juvenile crime',
      'juvenile justice',
      'youth crime',
      'kids committing crime',
      'teenage crime',
      'crime',
      'offenders',
      'trouble with the police',
      'in trouble with the police',
      'arrested',
    ],
    find: ['youth offending', 'young people who offend', 'youth justice', 'offending'],
    twoWay: true,
  },
  {
    ask: [
      'yot',
      'yos',
      'youth offending team',
      'case management',
      'youth justice service',
      'yjs',
      'youth court',
      'referral order',
      'youth rehabilitation order',
      'community sentence',
      'tagged',
      'curfew',
    ],
    find: ['youth offending service', 'youth justice', 'criminal justice system', 'case management'],
  },
  {
    ask: [
      'first offence',
      'first timers',
      'fte',
      'out of court disposals',
      'youth cautions',
      'diverting from crime',
      'keep kids out of trouble',
    ],
    find: ['first time offending', 'first time entrants', 'diversion'],
  },
  {
    ask: ['re-offending', 'repeat offending', 'reconviction', 'offending again'],
    find: ['reoffending', 'reduction in reoffending', 'youth offending'],
  },
  {
    ask: ['antisocial behaviour', 'asb', 'anti social', 'vandalism', 'nuisance', 'yobs', 'hoodies', 'causing trouble'],
    find: ['anti-social behaviour', 'targeted youth support', 'youth offending'],
  },
  {
    ask: [
      'kids in care getting criminalised',
      'children in care offending',
      'care kids in trouble',
      'criminalising children in care',
      'criminalisation',
    ],
    find: ['first time offenders', 'criminalisation of children in care', 'youth offending'],
  },
  {
    ask: ['restorative', 'saying sorry to victims', 'victim awareness', 'victim work', 'mediation'],
    find: ['restorative justice', 'victims', 'youth offending service'],
  },

  // ── Equality, diversity and identity ───────────────────────────────────────
  {
    ask: [
      'race',
      'racism',
      'racist',
      'black children',
      'black kids',
      'bame',
      'bme',
      'global majority',
      'ethnic minorities',
      'people of colour',
      'asian',
      'non white',
    ],
    find: ['ethnicity', 'minority ethnic', 'racial', 'ethnic groups'],
  },
  {
    ask: [
      'background',
      'their culture',
      'cultural background',
      'cultural identity',
      'different cultures',
      'sense of identity',
      'roots',
    ],
    find: ['culture and identity', 'identity needs', 'cultural needs'],
  },
  {
    ask: ['mixed race', 'dual heritage', 'biracial', 'mixed parentage'],
    find: ['mixed heritage', 'identity needs', 'heritage'],
  },
  {
    ask: ['religion', 'muslim', 'christian', 'jewish', 'sikh', 'hindu', 'church', 'mosque', 'beliefs'],
    find: ['religious', 'religious identity', 'faith'],
  },
  {
    ask: [
      'translation',
      'english as a second language',
      'eal',
      'non english speaking',
      'language barrier',
      "doesn't speak english",
    ],
    find: ['interpreters', 'first language', 'communication needs'],
  },
  {
    ask: ['travellers', 'gypsies', 'roma', 'grt', 'irish travellers'],
    find: ['gypsy, roma and traveller', 'minority ethnic', 'cultural needs'],
  },
  {
    ask: ['lgbt', 'gay', 'lesbian', 'bisexual', 'transgender', 'trans', 'sexuality', 'non binary', 'queer'],
    find: ['sexual orientation', 'gender identity', 'lgbtq', 'identity'],
  },
  {
    ask: [
      'discrimination',
      'unfair treatment',
      'prejudice',
      'bias',
      'equal opportunities',
      'equal treatment',
      'fairness',
      'inclusion',
      'equality act',
      'edi',
      'equity',
    ],
    find: ['equality and diversity', 'equality', 'diversity', 'protected characteristics'],
  },
  {
    ask: [
      'diverse workforce',
      'staff diversity',
      'black social workers',
      'ethnic minority staff',
      'representative workforce',
    ],
    find: ['minority ethnic', 'ethnic and cultural backgrounds', 'workforce plan'],
  },
  {
    ask: ['same race placement', 'ethnic matching', 'transracial', 'culturally appropriate', 'cultural competence'],
    find: ['cultural and identity needs', 'matching', 'ethnicity'],
  },

  // ── Unaccompanied asylum-seeking children ──────────────────────────────────
  {
    ask: [
      'refugee kids',
      'refugee children',
      'refugees',
      'asylum seekers',
      'child refugees',
      'child migrants',
      'migrant children',
      'migrants',
      'children arriving alone',
      'separated children',
      'small boats',
      'young asylum seekers',
    ],
    find: ['unaccompanied asylum-seeking children', 'uasc', 'asylum-seeking', 'unaccompanied'],
  },
  {
    ask: ['nts', 'dispersal scheme', 'transfer scheme', 'rota scheme'],
    find: ['national transfer scheme', 'unaccompanied asylum-seeking children'],
  },
  {
    ask: ['age checks', 'disputed age', 'merton', 'how old they really are', 'age verification'],
    find: ['age assessment', 'age-disputed', 'merton-compliant'],
  },
  {
    ask: [
      'immigration status',
      'home office',
      'leave to remain',
      'visa',
      'right to remain',
      'deportation',
      'asylum claim',
      'asylum application',
      'asylum interview',
      'settled status',
      'citizenship',
      'immigration lawyer',
      'immigration solicitor',
    ],
    find: ['immigration process', 'immigration', 'appropriate legal advice'],
  },
];
