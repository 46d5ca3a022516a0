// The words of the scenario's own title, what limits the duos, the printed
// inputs, the short link and its QR code, long runs and working offline, in
// French, Dutch and English. lib/strings.js merges them into its table.

const S = (en, fr, nl) => ({ en, fr, nl });

export const ROOM_STRINGS = {
  // ---- the scenario's title (lib/naming.js)
  'name.edited': S('(edited)', '(modifié)', '(gewijzigd)'),
  'name.perYear': S('{x} a year', '{x} par an', '{x} per jaar'),
  'name.budget': S('budget {x} a year', 'budget de {x} par an', 'budget van {x} per jaar'),
  'name.budgetList': S('budget set year by year', 'budget fixé année par année', 'budget per jaar vastgelegd'),
  'name.budgetUnlimited': S('unlimited budget', 'budget illimité', 'onbeperkt budget'),
  'name.intake': S('another intake plan', 'un autre plan d’entrées', 'een ander instroomplan'),
  'name.targets': S('other targets', 'd’autres objectifs', 'andere doelen'),
  'name.counterfactual': S('Effect of mentoring (counterfactual)', 'Effet du mentorat (contrefactuel)', 'Effect van mentoring (contrafeitelijk)'),
  'name.counterfactualShort': S('another effect of mentoring', 'un autre effet du mentorat', 'een ander effect van mentoring'),
  'name.oneMore': S('and 1 other change', 'et 1 autre changement', 'en 1 andere wijziging'),
  'name.more': S('and {n} other changes', 'et {n} autres changements', 'en {n} andere wijzigingen'),
  'name.changed': S('Changed from the preset', 'Modifié par rapport au scénario de base', 'Gewijzigd ten opzichte van het basisscenario'),
  'note.published': S('Note on the scenario as published (before your changes)', 'Note sur le scénario tel que publié (avant vos modifications)', 'Toelichting bij het scenario zoals gepubliceerd (vóór uw wijzigingen)'),
  'note.asPublished': S('As published:', 'Tel que publié :', 'Zoals gepubliceerd:'),
  'name.none': S('As published (no change)', 'Tel que publié (aucun changement)', 'Zoals gepubliceerd (geen wijziging)'),

  // ---- what limits the duos (lib/limits.js)
  'limit.money': S('money', 'l’argent', 'het geld'),
  'limit.mentors': S('mentors', 'les mentors', 'de mentoren'),
  'limit.plan': S('the plan', 'le plan', 'het plan'),
  'limit.planFormed': S('the plan ({x} of it forms)', 'le plan (dont {x} se forme)', 'het plan (waarvan {x} tot stand komt)'),
  'limit.first': S('{what} in {x} of trials', '{what} dans {x} des essais', '{what} in {x} van de trekkingen'),
  'limit.next': S('{what} in {x}', '{what} dans {x}', '{what} in {x}'),
  'limit.year': S('{year}: {text}', '{year} : {text}', '{year}: {text}'),
  'limit.lead': S('What limits the duos each year:', 'Ce qui limite les duos chaque année :', 'Wat de duo’s elk jaar beperkt:'),
  'limit.tip': S('Limited by {text}', 'Limité par {text}', 'Beperkt door {text}'),
  'card.budgetYears': S('Per year (median): {list}', 'Par an (médiane) : {list}', 'Per jaar (mediaan): {list}'),

  'card.targetsLead': S('Chance that each target is met', 'Chance d’atteindre chaque objectif', 'Kans dat elk doel gehaald wordt'),

  // ---- the room's levers (page/levers.js), shown in presentation mode
  'room.levers': S('Levers', 'Leviers', 'Hefbomen'),
  'room.intake': S('Duos planned in {year}', 'Duos prévus en {year}', 'Geplande duo’s in {year}'),
  'room.recruits': S('New mentors a year', 'Nouveaux mentors par an', 'Nieuwe mentoren per jaar'),
  'room.mostLikely': S('{x}, the most likely value', '{x}, la valeur la plus probable', '{x}, de meest waarschijnlijke waarde'),
  'room.effect': S('Effect of mentoring', 'Effet du mentorat', 'Effect van mentoring'),
  'room.effectValue': S('{x} on the chance of being in work, the most likely value', '{x} sur la chance d’être en emploi, la valeur la plus probable', '{x} op de kans op werk, de meest waarschijnlijke waarde'),
  'room.points': S('{x} points', '{x} points', '{x} punten'),

  // ---- print report
  'print.inputs': S('Inputs and assumptions', 'Données et hypothèses', 'Invoer en aannames'),
  'print.valueBand': S('Central value (P5 to P95)', 'Valeur centrale (P5 à P95)', 'Centrale waarde (P5 tot P95)'),
  'print.counterfactual': S(
    'Counterfactual: without mentoring, the same people would find work at the baseline rate; mentoring adds {effect} to their chance of being in work ({prior}).',
    'Contrefactuel : sans mentorat, les mêmes personnes trouveraient un emploi au taux de référence ; le mentorat ajoute {effect} à leur chance d’être en emploi ({prior}).',
    'Contrafeitelijk: zonder mentoring zouden dezelfde mensen werk vinden tegen de referentiekans; mentoring voegt {effect} toe aan hun kans op werk ({prior}).'
  ),
  'print.counterfactualOdds': S(
    'Counterfactual: mentoring multiplies the odds of being in work by {or} (central value), applied at the mentees’ own rate; the additional jobs are the difference ({prior}).',
    'Contrefactuel : le mentorat multiplie la cote d’être en emploi par {or} (valeur centrale), appliqué au taux des mentees eux-mêmes ; les emplois supplémentaires sont la différence ({prior}).',
    'Contrafeitelijk: mentoring vermenigvuldigt de odds op werk met {or} (centrale waarde), toegepast op de eigen kans van de mentees; de extra banen zijn het verschil ({prior}).'
  ),
  'print.counterfactualBaseline': S(
    'Counterfactual: without mentoring, {baseline} of the same people would be in work within the same window; the additional jobs are those above it.',
    'Contrefactuel : sans mentorat, {baseline} des mêmes personnes seraient en emploi dans la même période ; les emplois supplémentaires sont ceux au-delà.',
    'Contrafeitelijk: zonder mentoring zou {baseline} van dezelfde mensen binnen dezelfde periode werken; de extra banen zijn die daarboven.'
  ),
  'print.customPrior': S('an effect set by hand', 'un effet fixé à la main', 'een met de hand gekozen effect'),
  'print.points': S('{x} percentage points', '{x} points de pourcentage', '{x} procentpunten'),

  // ---- long runs (page)
  'run.cancel': S('Cancel', 'Annuler', 'Annuleren'),
  'run.cancelLabel': S('Cancel the simulation', 'Annuler la simulation', 'De simulatie annuleren'),
  'run.cancelled': S('Simulation cancelled: the results shown are from the last complete run.', 'Simulation annulée : les résultats affichés viennent du dernier calcul complet.', 'Simulatie geannuleerd: de getoonde resultaten komen van de laatste volledige berekening.'),
  'run.rerun': S('Run again', 'Relancer', 'Opnieuw berekenen'),
  'run.starting': S('Simulating: starting {total} trials…', 'Simulation : démarrage de {total} essais…', 'Simulatie: {total} trekkingen starten…'),
  'card.sourcesToggle': S('Sources of this figure', 'Sources de ce chiffre', 'Bronnen van dit cijfer'),

  // ---- edits in a link, one by one
  'notice.droppedEdit': S('The change to “{value}” was left out ({detail}).', 'La modification de « {value} » a été écartée ({detail}).', 'De wijziging van “{value}” werd weggelaten ({detail}).'),
  'notice.droppedEdits': S('{detail} The link’s other changes are kept.', '{detail} Les autres modifications du lien sont conservées.', '{detail} De andere wijzigingen uit de link blijven behouden.'),
  'notice.noSuchField': S('no such field', 'ce champ n’existe pas', 'dit veld bestaat niet'),

  // ---- presentation mode and sharing
  'share.button': S('Share', 'Partager', 'Delen'),
  'share.title': S('Share this scenario', 'Partager ce scénario', 'Dit scenario delen'),
  'share.short': S('Short link', 'Lien court', 'Korte link'),
  'share.qr': S('QR code of the short link: {url}', 'Code QR du lien court : {url}', 'QR-code van de korte link: {url}'),
  'share.copy': S('Copy the short link', 'Copier le lien court', 'De korte link kopiëren'),
  'share.close': S('Close', 'Fermer', 'Sluiten'),
  'share.qrFailed': S('The QR code could not be drawn ({message}); the link below works.', 'Le code QR n’a pas pu être dessiné ({message}) ; le lien ci-dessous fonctionne.', 'De QR-code kon niet worden getekend ({message}); de link hieronder werkt.'),
  'embed.button': S('Embed this', 'Intégrer', 'Insluiten'),
  'share.scan': S('Scan to open this scenario on your phone.', 'Scannez pour ouvrir ce scénario sur votre téléphone.', 'Scan om dit scenario op uw telefoon te openen.'),
  'present.view': S('What the screen shows', 'Ce que montre l’écran', 'Wat het scherm toont'),
  'present.viewChart': S('The chart', 'Le graphique', 'De grafiek'),
  'present.viewDrivers': S('What drives it', 'Ce qui le détermine', 'Wat het bepaalt'),
  'present.reading': S('Chance that the {what} reach {value} by the end of {year}.', 'Chance que les {what} atteignent {value} d’ici fin {year}.', 'Kans dat de {what} tegen eind {year} {value} bereiken.'),
  'present.readingAnnual': S('Chance that the {what} reach {value} in {year} alone.', 'Chance que les {what} atteignent {value} en {year} seulement.', 'Kans dat de {what} in {year} alleen {value} bereiken.'),

  // ---- offline
  'offline.now': S('You are offline: the page and the engine come from this browser’s copy; every figure is still computed here.', 'Vous êtes hors ligne : la page et le moteur viennent de la copie de ce navigateur ; chaque chiffre est toujours calculé ici.', 'U bent offline: de pagina en de motor komen uit de kopie van deze browser; elk cijfer wordt nog steeds hier berekend.'),
  'offline.back': S('Back online.', 'De nouveau en ligne.', 'Weer online.'),

  // ---- CSV (lib/csv.js)
  'csv.scenario': S('Scenario', 'Scénario', 'Scenario'),
  'csv.preset': S('Preset', 'Scénario de base', 'Basisscenario'),
  'csv.changed': S('Changed', 'Modifié', 'Gewijzigd'),
  'csv.trials': S('Trials', 'Essais', 'Trekkingen'),
  'csv.seed': S('Seed', 'Graine', 'Seed'),
  'csv.engine': S('Engine', 'Moteur', 'Motor'),
  'csv.link': S('Link', 'Lien', 'Link'),
  'csv.series': S('Figure', 'Chiffre', 'Cijfer'),
  'csv.unit': S('Unit', 'Unité', 'Eenheid'),
  'csv.year': S('Year', 'Année', 'Jaar'),
  'csv.total': S('whole period', 'toute la période', 'hele periode'),
  'csv.cumulative': S('{what}, cumulative', '{what}, cumulé', '{what}, cumulatief'),
  'csv.se': S('Monte Carlo standard error of the mean', 'Erreur type Monte-Carlo de la moyenne', 'Monte-Carlo-standaardfout van het gemiddelde'),
  'csv.unit.people': S('people', 'personnes', 'personen'),
  'csv.unit.duos': S('duos', 'duos', 'duo’s'),
  'csv.unit.eur': S('EUR', 'EUR', 'EUR'),
  'csv.unit.share': S('share of trials (0–1)', 'part des essais (0–1)', 'aandeel van de trekkingen (0–1)'),
  'csv.unit.rate': S('share (0–1)', 'part (0–1)', 'aandeel (0–1)'),
  'csv.unit.ratio': S('EUR per EUR', 'EUR par EUR', 'EUR per EUR'),
  'metric.budget_unspent': S('budget left unspent (EUR)', 'budget non dépensé (EUR)', 'niet-besteed budget (EUR)'),
  'metric.limited_by_money': S('years limited by money', 'années limitées par l’argent', 'jaren beperkt door geld'),
  'metric.limited_by_mentors': S('years limited by mentors', 'années limitées par les mentors', 'jaren beperkt door mentoren'),
  'metric.limited_by_plan': S('years limited by the plan', 'années limitées par le plan', 'jaren beperkt door het plan'),
};
