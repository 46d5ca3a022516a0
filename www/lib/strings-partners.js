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
  'partners.ownBudget': S('its own budget', 'son propre budget', 'een eigen budget'),
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

export const SPLIT_STRINGS = {
  'split.heading': S('How to split the money', 'Comment répartir l’argent', 'Hoe het geld verdelen'),
  'split.intro': S(
    'Find the split with the best answer, or set your own against the scenario’s, on the same trials. Each partner’s planned duos and mentors follow what its money buys, under both splits alike, so the scenario’s split may read differently here than above.',
    'Trouvez la répartition qui donne la meilleure réponse, ou opposez la vôtre à celle du scénario, sur les mêmes essais. Les duos prévus et les mentors de chaque partenaire suivent ce que son argent permet, pour les deux répartitions, si bien que celle du scénario peut différer ici de la réponse ci-dessus.',
    'Zoek de verdeling met het beste antwoord, of zet uw eigen verdeling tegenover die van het scenario, op dezelfde trekkingen. De geplande duo’s en mentoren van elke partner volgen wat zijn geld koopt, voor beide verdelingen, zodat die van het scenario hier anders kan uitvallen dan hierboven.'
  ),
  'split.goal': S('What to improve', 'Ce qu’il faut améliorer', 'Wat te verbeteren'),
  'split.goalTarget': S('The chance of: {label}', 'La chance de : {label}', 'De kans op: {label}'),
  'split.goalCost': S('The fewest euros per additional person in work', 'Le moins d’euros par personne en emploi en plus', 'Zo weinig mogelijk euro per extra persoon aan het werk'),
  'split.share': S('{name}: share of the money (%)', '{name} : part de l’argent (%)', '{name}: aandeel van het geld (%)'),
  'split.find': S('Find the best split', 'Trouver la meilleure répartition', 'De beste verdeling zoeken'),
  'split.compare': S('Set this split against the scenario’s', 'Opposer cette répartition à celle du scénario', 'Deze verdeling tegenover die van het scenario zetten'),
  'split.busy': S('Computing the split on {trials} trials…', 'Calcul de la répartition sur {trials} essais…', 'De verdeling wordt berekend op {trials} trekkingen…'),
  'split.sumError': S('The shares add up to {sum} %: they must add up to 100 %.', 'Les parts font {sum} % au total : elles doivent faire 100 %.', 'De aandelen tellen op tot {sum} %: ze moeten optellen tot 100 %.'),
  'split.col.partner': S('Partner', 'Partenaire', 'Partner'),
  'split.col.a': S('A: the scenario’s split', 'A : répartition du scénario', 'A: verdeling van het scenario'),
  'split.col.bFound': S('B: the split found', 'B : répartition trouvée', 'B: gevonden verdeling'),
  'split.col.bGiven': S('B: your split', 'B : votre répartition', 'B: uw verdeling'),
  'split.result': S('On fresh trials ({trials} trials, seed {seed}): A {a}, B {b}.', 'Sur des essais neufs ({trials} essais, graine {seed}) : A {a}, B {b}.', 'Op nieuwe trekkingen ({trials} trekkingen, seed {seed}): A {a}, B {b}.'),
  'split.searchNote': S(
    'B moves {step} % of the money at a time while it improves the answer, no partner above twice its own share or below half of it (an assumption: the model knows no limit to a partner’s growth but its mentors). The search picks the best of many tries on its own trials; the figures above are from fresh ones.',
    'B déplace {step} % de l’argent à la fois tant que la réponse s’améliore, aucun partenaire au-dessus du double de sa part ni sous la moitié (une hypothèse : le modèle ne connaît pas d’autre limite à la croissance d’un partenaire que ses mentors). La recherche garde le meilleur de nombreux essais sur ses propres tirages ; les chiffres ci-dessus viennent de tirages neufs.',
    'B verschuift telkens {step} % van het geld zolang het antwoord beter wordt, geen partner boven het dubbele van zijn aandeel of onder de helft (een aanname: het model kent geen andere grens aan de groei van een partner dan zijn mentoren). De zoektocht kiest de beste van vele pogingen op zijn eigen trekkingen; de cijfers hierboven komen van nieuwe.'
  ),
  'split.failed': S('The split could not be computed: {message}', 'La répartition n’a pas pu être calculée : {message}', 'De verdeling kon niet worden berekend: {message}'),
};

export const PARTNER_VALUE_STRINGS = {
  'value.partnersLead': S('What knowing each partner’s own results (its rate of employment) is worth to all public budgets', 'Ce que vaudrait connaître les résultats propres de chaque partenaire (son taux d’emploi) pour l’ensemble des budgets publics', 'Wat het waard is de eigen resultaten van elke partner (zijn werkzaamheidsgraad) te kennen, voor alle overheidsbudgetten samen'),
  'value.partnersNever': S('No trial pays back, so no partner’s results would change the decision not to fund: worth nothing under this prior.', 'Aucun essai n’est rentable : les résultats d’aucun partenaire ne changeraient la décision de ne pas financer. Cela ne vaut rien sous cette hypothèse.', 'Geen enkele trekking verdient zich terug: de resultaten van geen enkele partner zouden de beslissing om niet te financieren veranderen. Niets waard onder deze aanname.'),
  'value.partnersAlways': S('Every trial pays back, so no partner’s results would change the decision to fund: worth nothing under this prior.', 'Chaque essai est rentable : les résultats d’aucun partenaire ne changeraient la décision de financer. Cela ne vaut rien sous cette hypothèse.', 'Elke trekking verdient zich terug: de resultaten van geen enkele partner zouden de beslissing om te financieren veranderen. Niets waard onder deze aanname.'),
  'value.partnerZero': S('{name}: nothing, as for no value of its rate does the programme pay back on average.', '{name} : rien, car pour aucune valeur de son taux le programme n’est rentable en moyenne.', '{name}: niets, want voor geen enkele waarde van zijn graad verdient het programma zich gemiddeld terug.'),
  'value.partnerWorth': S('{name}: {x}.', '{name} : {x}.', '{name}: {x}.'),
  'value.partnerShared': S(' It publishes no results of its own and shares the programme’s rate with the other such partner: knowing one’s results is knowing the other’s.', ' Il ne publie pas de résultats propres et partage le taux du programme avec l’autre partenaire dans ce cas : connaître les résultats de l’un, c’est connaître ceux de l’autre.', ' Het publiceert geen eigen resultaten en deelt de graad van het programma met de andere partner in dat geval: de resultaten van de ene kennen is die van de andere kennen.'),
};
