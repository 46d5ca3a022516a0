// The words of the embeddable widget and of the "Embed this" dialog, in
// French, Dutch and English. Everything else (card titles, units, bands,
// chart captions) is shared with the page through i18n.js.
//
// et(key, vars) reads this table first, then the page's table, so the widget
// and the dialog can use any key of either.

import { t, getLang } from '../lib/i18n.js';

const S = (en, fr, nl) => ({ en, fr, nl });

export const EMBED_STRINGS = {
  // ---- widget
  'embed.waiting': S('The simulation starts when this box is on screen.', 'La simulation démarre quand ce cadre est à l’écran.', 'De simulatie start zodra dit kader in beeld is.'),
  'embed.setup': S('{years} · budget: {budget}', '{years} · budget : {budget}', '{years} · budget: {budget}'),
  'embed.perYear': S('{x} per year', '{x} par an', '{x} per jaar'),
  'embed.perYearList': S('{x} (per year)', '{x} (par an)', '{x} (per jaar)'),
  'embed.unlimited': S('unlimited (the cost is an output)', 'illimité (le coût est un résultat)', 'onbeperkt (de kost is een resultaat)'),
  'embed.planTitle': S('What it takes: {target}', 'Ce qu’il faut : {target}', 'Wat ervoor nodig is: {target}'),
  'embed.planOpen': S('Open this plan in the full simulator', 'Ouvrir ce plan dans le simulateur complet', 'Dit plan openen in de volledige simulator'),
  'embed.open': S('Open in the full simulator', 'Ouvrir dans le simulateur complet', 'Openen in de volledige simulator'),
  'embed.newTab': S('opens in a new tab', 's’ouvre dans un nouvel onglet', 'opent in een nieuw tabblad'),
  'embed.sources': S('Sources', 'Sources', 'Bronnen'),
  'embed.assumed.one': S('{n} input is an assumption', '{n} donnée est une hypothèse', '{n} invoer is een aanname'),
  'embed.assumed.other': S('{n} inputs are assumptions', '{n} données sont des hypothèses', '{n} invoerwaarden zijn aannames'),
  'embed.noSources': S('no evidence row cited', 'aucune ligne de preuve citée', 'geen bewijsregel vermeld'),
  'embed.download': S('Download', 'Télécharger', 'Downloaden'),
  'embed.csv': S('numbers (CSV)', 'chiffres (CSV)', 'cijfers (CSV)'),
  'embed.png': S('chart (PNG)', 'graphique (PNG)', 'grafiek (PNG)'),
  'embed.credit': S('A simulation from public sources, not a forecast by Actiris or its partners.', 'Une simulation à partir de sources publiques, pas une prévision d’Actiris ou de ses partenaires.', 'Een simulatie op basis van openbare bronnen, geen voorspelling van Actiris of zijn partners.'),
  'embed.reset': S('Back to the scenario as published', 'Revenir au scénario publié', 'Terug naar het gepubliceerde scenario'),
  'embed.controls': S('Try other values', 'Essayez d’autres valeurs', 'Probeer andere waarden'),
  'embed.central.mode': S('most likely value', 'valeur la plus probable', 'meest waarschijnlijke waarde'),
  'embed.central.mean': S('mean', 'moyenne', 'gemiddelde'),
  'embed.central.median': S('median', 'médiane', 'mediaan'),
  'embed.central.value': S('value', 'valeur', 'waarde'),
  'embed.budgetLabel': S('Budget per year (EUR)', 'Budget par an (EUR)', 'Budget per jaar (EUR)'),
  'embed.noControl': S('“{name}” cannot be changed in this scenario.', '« {name} » ne peut pas être modifié dans ce scénario.', '“{name}” kan in dit scenario niet worden gewijzigd.'),
  'embed.invalid': S('These values cannot run: {detail}', 'Ces valeurs ne peuvent pas tourner : {detail}', 'Met deze waarden kan de simulatie niet lopen: {detail}'),
  'embed.badOption': S('ignored: {name} “{value}”.', 'ignoré : {name} « {value} ».', 'genegeerd: {name} “{value}”.'),
  'embed.badLead': S('ignored: this scenario has no answer “{value}”.', 'ignoré : ce scénario n’a pas de réponse « {value} ».', 'genegeerd: dit scenario heeft geen antwoord “{value}”.'),
  'embed.chartTitle': S('{what}, {mode}', '{what}, {mode}', '{what}, {mode}'),
  'embed.announce': S('{title}: {value}', '{title} : {value}', '{title}: {value}'),
  'embed.quick': S('A first look from {trials} trials; the full answer follows.', 'Un premier aperçu sur {trials} essais ; la réponse complète suit.', 'Een eerste blik uit {trials} trekkingen; het volledige antwoord volgt.'),
  'embed.mc': S('(± {band} of simulation error)', '(± {band} d’erreur de simulation)', '(± {band} simulatiefout)'),
  'embed.chanceBound': S('Chance the target is met ({bound})', 'Chance d’atteindre l’objectif ({bound})', 'Kans dat het doel wordt gehaald ({bound})'),
  'embed.chance': S('Chance the target is met (± {band} of simulation error)', 'Chance d’atteindre l’objectif (± {band} d’erreur de simulation)', 'Kans dat het doel wordt gehaald (± {band} simulatiefout)'),
  'embed.range': S('likely range (9 trials in 10):', 'fourchette probable (9 essais sur 10) :', 'waarschijnlijk bereik (9 op 10 trekkingen):'),
  'embed.run': S('Computed in your browser: {trials} trials, seed {seed}, mentorsim {version}.', 'Calculé dans votre navigateur : {trials} essais, graine {seed}, mentorsim {version}.', 'Berekend in uw browser: {trials} trekkingen, seed {seed}, mentorsim {version}.'),
  'embed.intro.actiris-2028': S(
    'Actiris funds volunteer mentors for job seekers, EUR 2.2 M a year until 2028: how many will be helped, and how many find work because of it?',
    'Actiris finance des mentors bénévoles pour les chercheurs d’emploi, 2,2 M EUR par an jusqu’en 2028 : combien seront aidés, et combien trouveront un emploi grâce à cela ?',
    'Actiris financiert vrijwillige mentoren voor werkzoekenden, 2,2 M EUR per jaar tot 2028: hoeveel mensen worden geholpen, en hoeveel vinden daardoor werk?'
  ),
  'embed.intro.targets-2030-2035': S(
    'Brussels aims at 5,000 mentoring duos by 2030 and 10,000 by 2035: how many mentors and how much money would that take?',
    'Bruxelles vise 5 000 duos de mentorat d’ici 2030 et 10 000 d’ici 2035 : combien de mentors et combien d’argent faudrait-il ?',
    'Brussel mikt op 5.000 mentorduo’s tegen 2030 en 10.000 tegen 2035: hoeveel mentoren en hoeveel geld zou dat vragen?'
  ),
  'embed.intro.duo-for-a-job': S(
    'DUO for a JOB pairs young job seekers with mentors over 50 for six months; it asks EUR 4.978 M for 2,450 duos in Brussels: what would that achieve?',
    'DUO for a JOB associe de jeunes chercheurs d’emploi à des mentors de plus de 50 ans pendant six mois ; il demande 4,978 M EUR pour 2 450 duos à Bruxelles : qu’est-ce que cela produirait ?',
    'DUO for a JOB koppelt jonge werkzoekenden zes maanden aan mentoren boven de 50; het vraagt 4,978 M EUR voor 2.450 duo’s in Brussel: wat zou dat opleveren?'
  ),
  'embed.intro.team4job': S(
    'Team4Job mentors meet job seekers at their own workplace: how many duos does its regional budget pay for, and how many find work?',
    'Chez Team4Job, les mentors reçoivent les chercheurs d’emploi sur leur lieu de travail : combien de duos son budget régional paie-t-il, et combien trouvent un emploi ?',
    'Bij Team4Job ontvangen mentoren werkzoekenden op hun eigen werkplek: hoeveel duo’s betaalt het gewestelijke budget, en hoeveel vinden werk?'
  ),
  'embed.intro.brussels-2018-2019': S(
    'From mid-2018 to 2019 the Region paid EUR 1.76 M for about 855 mentoring duos a year: what did that buy?',
    'De mi-2018 à 2019, la Région a payé 1,76 M EUR pour environ 855 duos de mentorat par an : qu’est-ce que cela a permis ?',
    'Van midden 2018 tot 2019 betaalde het Gewest 1,76 M EUR voor ongeveer 855 mentorduo’s per jaar: wat leverde dat op?'
  ),

  // ---- dialog on the page
  'dlg.title': S('Embed this scenario in another site', 'Intégrer ce scénario dans un autre site', 'Dit scenario insluiten op een andere site'),
  'dlg.intro': S(
    'Paste the code into an article: it shows the answer you choose with its P5–P95 band, the controls you tick, and a link back to this simulator with the same scenario. It computes in the reader’s browser when it scrolls into view.',
    'Collez le code dans un article : il affiche la réponse choisie avec sa marge P5–P95, les réglages cochés et un lien vers ce simulateur avec le même scénario. Le calcul se fait dans le navigateur du lecteur quand le cadre apparaît à l’écran.',
    'Plak de code in een artikel: het toont het gekozen antwoord met zijn P5–P95-marge, de aangevinkte instellingen en een link naar deze simulator met hetzelfde scenario. De berekening gebeurt in de browser van de lezer zodra het kader in beeld komt.'
  ),
  'dlg.lead': S('Answer to lead with', 'Réponse mise en avant', 'Antwoord dat vooraan staat'),
  'dlg.leadTarget': S('Probability: {label}', 'Probabilité : {label}', 'Kans: {label}'),
  'dlg.leadPerspective': S('Does it pay back? {who}', 'Est-ce rentable ? {who}', 'Verdient het zich terug? {who}'),
  'dlg.controls': S('Controls the reader can move', 'Réglages que le lecteur peut bouger', 'Instellingen die de lezer kan verschuiven'),
  'dlg.ctl.budget': S('Budget per year', 'Budget par an', 'Budget per jaar'),
  'dlg.ctl.cost-per-duo': S('Cost per duo', 'Coût par duo', 'Kost per duo'),
  'dlg.ctl.employment-rate': S('Employment rate', 'Taux d’emploi', 'Werkzaamheidsgraad'),
  'dlg.ctl.effect': S('Effect of mentoring (points)', 'Effet du mentorat (points)', 'Effect van mentoring (punten)'),
  'dlg.look': S('Look', 'Apparence', 'Uiterlijk'),
  'dlg.theme': S('Theme', 'Thème', 'Thema'),
  'dlg.theme.light': S('Light', 'Clair', 'Licht'),
  'dlg.theme.dark': S('Dark', 'Sombre', 'Donker'),
  'dlg.theme.auto': S('The reader’s setting', 'Selon le lecteur', 'Volgens de lezer'),
  'dlg.accent': S('Accent colour', 'Couleur d’accent', 'Accentkleur'),
  'dlg.font': S('Font', 'Police', 'Lettertype'),
  'dlg.font.system': S('System', 'Système', 'Systeem'),
  'dlg.font.sans': S('Sans serif', 'Sans empattement', 'Schreefloos'),
  'dlg.font.serif': S('Serif', 'Avec empattement', 'Met schreef'),
  'dlg.heading': S('Heading (optional; the scenario’s name otherwise)', 'Titre (facultatif ; sinon le nom du scénario)', 'Titel (optioneel; anders de naam van het scenario)'),
  'dlg.lang': S('Language of the widget', 'Langue du widget', 'Taal van de widget'),
  'dlg.width': S('Preview width', 'Largeur de l’aperçu', 'Breedte van het voorbeeld'),
  'dlg.widthColumn': S('full column', 'colonne entière', 'volle kolom'),
  'dlg.preview': S('Preview', 'Aperçu', 'Voorbeeld'),
  'dlg.code': S('Code to paste', 'Code à coller', 'Te plakken code'),
  'dlg.copy': S('Copy the code', 'Copier le code', 'Code kopiëren'),
  'dlg.copied': S('Code copied', 'Code copié', 'Code gekopieerd'),
  'dlg.copyFailed': S('Copying is not allowed here: the code is selected, press Ctrl+C (⌘C).', 'La copie n’est pas permise ici : le code est sélectionné, appuyez sur Ctrl+C (⌘C).', 'Kopiëren mag hier niet: de code is geselecteerd, druk op Ctrl+C (⌘C).'),
  'dlg.close': S('Close', 'Fermer', 'Sluiten'),
  'dlg.iframeTitle': S('mentorsim: mentoring for jobs in Brussels, a simulation', 'mentorsim : le mentorat vers l’emploi à Bruxelles, une simulation', 'mentorsim: mentoring naar werk in Brussel, een simulatie'),
  'dlg.note': S(
    'The iframe is sandboxed: it runs only the widget’s own code, stores nothing, sets no cookie and cannot read the host page. embed-host.js sets its height to fit; without it the iframe keeps the height in the code. A site that serves these files itself must send Access-Control-Allow-Origin: * with them.',
    'L’iframe est isolée (sandbox) : elle n’exécute que le code du widget, ne stocke rien, ne dépose aucun cookie et ne peut pas lire la page hôte. embed-host.js ajuste sa hauteur ; sans lui, l’iframe garde la hauteur du code. Un site qui sert lui-même ces fichiers doit les envoyer avec Access-Control-Allow-Origin: *.',
    'Het iframe is afgeschermd (sandbox): het voert alleen de code van de widget uit, bewaart niets, zet geen cookie en kan de hostpagina niet lezen. embed-host.js past de hoogte aan; zonder dat script houdt het iframe de hoogte uit de code. Een site die deze bestanden zelf aanbiedt, moet ze met Access-Control-Allow-Origin: * versturen.'
  ),
};

/** The string for `key` in the current language: the widget's own table first, then the page's. */
export function et(key, vars = {}) {
  const entry = EMBED_STRINGS[key];
  if (!entry) return t(key, vars);
  let s = entry[getLang()] ?? entry.en;
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** A count-dependent string: `${key}.one` or `${key}.other` by the language's plural rules. */
export function etPlural(key, n, vars = {}) {
  let form = 'other';
  try {
    form = new Intl.PluralRules(getLang()).select(n) === 'one' ? 'one' : 'other';
  } catch {
    // keep "other"
  }
  return et(`${key}.${form}`, { n, ...vars });
}
