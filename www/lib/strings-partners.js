// The words of a programme's partners (the page's "Each partner's part"
// section and its print), in French, Dutch and English. lib/strings.js
// merges them into its table.

const S = (en, fr, nl) => ({ en, fr, nl });

export const PARTNER_STRINGS = {
  'partners.heading': S('Each partner’s part', 'La part de chaque partenaire', 'Het aandeel van elke partner'),
  'partners.intro': S(
    'The programme is the sum of its partners, trial by trial: the figures above add up from these. How the money is split, and each partner’s own cost and rates, are the scenario’s.',
    'Le programme est la somme de ses partenaires, essai par essai : les chiffres ci-dessus s’additionnent à partir de ceux-ci. La répartition de l’argent, et le coût et les taux propres de chaque partenaire, sont ceux du scénario.',
    'Het programma is de som van zijn partners, trekking per trekking: de cijfers hierboven tellen op uit deze. Hoe het geld verdeeld wordt, en de eigen kost en percentages van elke partner, komen uit het scenario.'
  ),
  'partners.noneNote': S(
    '{names}: no results of their own are published. Their rows show what the scenario’s assumptions give, not what they achieved.',
    '{names} : aucun résultat propre n’est publié. Leurs lignes montrent ce que donnent les hypothèses du scénario, pas ce qu’ils ont obtenu.',
    '{names}: er zijn geen eigen resultaten gepubliceerd. Hun rijen tonen wat de aannames van het scenario geven, niet wat ze bereikten.'
  ),
  'partners.caption': S(
    'Each partner by the end of {year}: the median, with P5–P95 of the trials under it; each figure to the digits its Monte Carlo error supports.',
    'Chaque partenaire fin {year} : la médiane, avec P5–P95 des essais en dessous ; chaque chiffre au nombre de chiffres que son erreur Monte-Carlo permet.',
    'Elke partner eind {year}: de mediaan, met P5–P95 van de trekkingen eronder; elk cijfer tot op de cijfers die zijn Monte-Carlofout toelaat.'
  ),
  'partners.col.partner': S('Partner (whom it serves)', 'Partenaire (son public)', 'Partner (wie het bedient)'),
  'partners.col.share': S('Share of the money', 'Part de l’argent', 'Aandeel van het geld'),
  'partners.col.duos': S('Duos started', 'Duos démarrés', 'Gestarte duo’s'),
  'partners.col.employed': S('People in work', 'Personnes en emploi', 'Mensen aan het werk'),
  'partners.col.net': S('Additional people in work', 'Personnes en emploi en plus', 'Extra mensen aan het werk'),
  'partners.col.costDuo': S('Cost per duo', 'Coût par duo', 'Kost per duo'),
  'partners.col.costNet': S('Cost per additional person in work', 'Coût par personne en emploi en plus', 'Kost per extra persoon aan het werk'),
  'partners.noResults': S('no results of its own published: assumptions', 'aucun résultat propre publié : hypothèses', 'geen eigen resultaten gepubliceerd: aannames'),
  'partners.band': S('{lo} – {hi}', '{lo} – {hi}', '{lo} – {hi}'),
  'partners.bandOpen': S('from {lo}, no P95*', 'dès {lo}, pas de P95*', 'vanaf {lo}, geen P95*'),
  'partners.openNote': S(
    '* No P95: in more than 5 % of the trials the partner adds no person in work, so the cost per additional person is undefined there.',
    '* Pas de P95 : dans plus de 5 % des essais, le partenaire n’ajoute personne en emploi ; le coût par personne en plus y est donc indéfini.',
    '* Geen P95: in meer dan 5 % van de trekkingen voegt de partner niemand aan het werk toe, dus is de kost per extra persoon daar niet bepaald.'
  ),
  'partners.undefined': S('undefined', 'indéfini', 'niet bepaald'),
  'partners.chart': S('Duos started by {year}, by partner', 'Duos démarrés d’ici {year}, par partenaire', 'Gestarte duo’s tegen {year}, per partner'),
  'partners.chartCaption': S(
    'Bars: the median; lines: P5–P95 of the trials. The partners add up to the programme in each trial.',
    'Barres : la médiane ; traits : P5–P95 des essais. Les partenaires s’additionnent au programme dans chaque essai.',
    'Staven: de mediaan; lijnen: P5–P95 van de trekkingen. De partners tellen in elke trekking op tot het programma.'
  ),
  'sources.partnerShares': S('{budget} of the money, {intake} of the planned duos, {mentors} of the mentors', '{budget} de l’argent, {intake} des duos prévus, {mentors} des mentors', '{budget} van het geld, {intake} van de geplande duo’s, {mentors} van de mentoren'),
  'partners.axis': S('Duos started', 'Duos démarrés', 'Gestarte duo’s'),
};
