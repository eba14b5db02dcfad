/**
 * Words a reader of children's-services inspection reports is likely to type as a query, written before looking at
 * the reports, so that vocabulary coverage is measured on what users ask and not only on what the reports say.
 * One token each (BertPreTokenizer splits "self-harm" into "self", "-", "harm"). Mixed UK and US spellings on purpose.
 */
export const LIKELY_QUERY_WORDS = [
  // harm and risk
  'neglect', 'abuse', 'exploitation', 'trafficking', 'grooming', 'radicalisation', 'bullying', 'harm', 'violence',
  'domestic', 'runaway', 'missing', 'homelessness', 'gangs', 'knife', 'drugs', 'alcohol', 'substance', 'online',
  'sexual', 'emotional', 'physical', 'injury', 'injuries', 'deaths', 'fatality',
  // help and protection
  'safeguarding', 'protection', 'thresholds', 'referrals', 'assessments', 'strategy', 'conferences', 'allegations',
  'intervention', 'preventative', 'preventive', 'outreach', 'respite', 'parenting', 'contact', 'reunification',
  // care and permanence
  'fostering', 'foster', 'adoption', 'adopters', 'kinship', 'guardianship', 'residential', 'placement',
  'placements', 'permanence', 'stability', 'siblings', 'leavers', 'accommodation', 'housing', 'apprenticeships',
  'unaccompanied', 'asylum', 'refugees', 'custody', 'offending', 'youth', 'adolescents', 'infants', 'unborn',
  // health and education
  'health', 'dental', 'immunisations', 'immunizations', 'contraception', 'pregnancy', 'teenage', 'wellbeing',
  'mental', 'counselling', 'counseling', 'bereavement', 'disability', 'disabilities', 'autism', 'truancy',
  'attendance', 'exclusions', 'absence', 'attainment', 'qualifications', 'tuition',
  // workforce and leadership
  'caseloads', 'supervision', 'workforce', 'turnover', 'recruitment', 'retention', 'vacancies', 'agency',
  'training', 'leadership', 'governance', 'scrutiny', 'audit', 'auditing', 'oversight', 'partnership',
  // money, performance and context
  'budget', 'overspend', 'funding', 'timeliness', 'delays', 'drift', 'improvement', 'deteriorated', 'inadequate',
  'outstanding', 'complaints', 'advocacy', 'participation', 'poverty', 'deprivation', 'pandemic', 'cyberattack',
];
