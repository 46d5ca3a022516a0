// The words of the answer in words (lib/answer.js), in French, Dutch and
// English. lib/strings.js merges them into its table.

const S = (en, fr, nl) => ({ en, fr, nl });

export const ANSWER_STRINGS = {
  'answer.heading': S('The answer in words', 'La réponse en mots', 'Het antwoord in woorden'),
  'answer.budget.constant': S('With {x} a year', 'Avec {x} par an', 'Met {x} per jaar'),
  'answer.budget.unlimited': S('With no limit on the money', 'Sans limite d’argent', 'Zonder grens aan het geld'),
  'answer.budget.list': S('With a budget set year by year ({x} in all)', 'Avec un budget fixé année par année ({x} au total)', 'Met een budget per jaar vastgelegd ({x} in totaal)'),
  'answer.started': S(
    '{budget}, about {n} duos start from {from} to the end of {to} ({band}).',
    '{budget}, environ {n} duos démarrent de {from} à fin {to} ({band}).',
    '{budget} starten er van {from} tot eind {to} ongeveer {n} duo’s ({band}).'
  ),
  'answer.takes': S(
    'That takes about {cost} from {from} to {to} ({band}) and about {mentors} volunteer mentors in {year}, the busiest year ({mentorsBand}).',
    'Il y faut environ {cost} de {from} à {to} ({band}) et environ {mentors} mentors bénévoles en {year}, l’année la plus chargée ({mentorsBand}).',
    'Daarvoor is van {from} tot {to} ongeveer {cost} nodig ({band}) en ongeveer {mentors} vrijwillige mentoren in {year}, het drukste jaar ({mentorsBand}).'
  ),
  'answer.targetOne': S('The chance of meeting the target {list}.', 'Chance d’atteindre l’objectif {list}.', 'Kans om het doel te halen {list}.'),
  'answer.targets': S('The chance of meeting each target: {list}.', 'Chance d’atteindre chaque objectif : {list}.', 'Kans om elk doel te halen: {list}.'),
  'answer.target': S('“{label}”: {p}', '« {label} » : {p}', '‘{label}’: {p}'),
  'answer.employed': S(
    'About {n} people are in work by the end of {to} ({band}), of whom about {net} ({netBand}) would not have been without mentoring, under the evidence “{prior}”.',
    'Environ {n} personnes sont en emploi fin {to} ({band}), dont environ {net} ({netBand}) ne l’auraient pas été sans mentorat, selon les preuves « {prior} ».',
    'Ongeveer {n} mensen zijn eind {to} aan het werk ({band}), van wie ongeveer {net} ({netBand}) dat zonder mentoring niet zouden zijn, volgens het bewijs ‘{prior}’.'
  ),
  'answer.employedCustom': S(
    'About {n} people are in work by the end of {to} ({band}), of whom about {net} ({netBand}) would not have been without mentoring, under an effect of mentoring set by hand.',
    'Environ {n} personnes sont en emploi fin {to} ({band}), dont environ {net} ({netBand}) ne l’auraient pas été sans mentorat, selon un effet du mentorat fixé à la main.',
    'Ongeveer {n} mensen zijn eind {to} aan het werk ({band}), van wie ongeveer {net} ({netBand}) dat zonder mentoring niet zouden zijn, volgens een met de hand gekozen effect van mentoring.'
  ),
  'answer.cost': S(
    'The public purse spends about {cost} from {from} to {to} ({band}).',
    'Les finances publiques dépensent environ {cost} de {from} à {to} ({band}).',
    'De overheid geeft van {from} tot {to} ongeveer {cost} uit ({band}).'
  ),
  'answer.costJob': S(
    'The public purse spends about {cost} from {from} to {to} ({band}); {job}.',
    'Les finances publiques dépensent environ {cost} de {from} à {to} ({band}) ; {job}.',
    'De overheid geeft van {from} tot {to} ongeveer {cost} uit ({band}); {job}.'
  ),
  'answer.job': S('each additional job costs it about {x} ({band})', 'chaque emploi supplémentaire lui coûte environ {x} ({band})', 'elke extra baan kost haar ongeveer {x} ({band})'),
  'answer.jobSome': S(
    'each additional job costs it about {x} ({band}; in {share} of trials mentoring adds no job)',
    'chaque emploi supplémentaire lui coûte environ {x} ({band} ; dans {share} des essais, le mentorat n’ajoute aucun emploi)',
    'elke extra baan kost haar ongeveer {x} ({band}; in {share} van de trekkingen voegt mentoring geen baan toe)'
  ),
  'answer.jobOpen': S(
    'each additional job costs it about {x} (P5: {lo}; in {share} of trials mentoring adds no job, so no cost per job can be given there)',
    'chaque emploi supplémentaire lui coûte environ {x} (P5 : {lo} ; dans {share} des essais, le mentorat n’ajoute aucun emploi et ce coût n’y existe pas)',
    'elke extra baan kost haar ongeveer {x} (P5: {lo}; in {share} van de trekkingen voegt mentoring geen baan toe en bestaat die kost daar niet)'
  ),
  'answer.jobNone': S(
    'in {share} of trials mentoring adds no job, so no typical cost per additional job can be given',
    'dans {share} des essais, le mentorat n’ajoute aucun emploi : aucun coût typique par emploi supplémentaire ne peut être donné',
    'in {share} van de trekkingen voegt mentoring geen baan toe: er is geen typische kost per extra baan te geven'
  ),
};
