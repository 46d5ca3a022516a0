// The evidence rows of docs/EVIDENCE.md that scenario inputs cite ("source": "E3"),
// with where each was published. Press releases are kept beside the page
// (sources/*.txt); other rows link to the site that published the figure.
// A scenario's "source" may also be a URL, which is linked as it is (http(s) only).

const PR = (file) => ({ href: `sources/${file}`, site: 'pr', file });
const SITE = (name, href) => ({ href, site: name });

const R = (id, fig, value, period, where) => ({ id, fig, value, period, where });
const L = (en, fr, nl) => ({ en, fr, nl });

const PR2024 = PR('000_4bb4b244b0e52924.txt');
const PR2025 = PR('003_ab8dde30f2f971ad.txt');
const PR2018 = PR('004_b41b2b16c8528b53.txt');

export const EVIDENCE = [
  R('E1', L('Young people mentored under the Actiris mentoring measure (DUO for a JOB)', 'Jeunes accompagnés dans la mesure Mentorat d’Actiris (DUO for a JOB)', 'Jongeren begeleid in de mentoringmaatregel van Actiris (DUO for a JOB)'), '2,700', '2015–2021', [PR2024]),
  R('E2', L('… of whom positive exit (job, training, internship, studies)', '… dont sortie positive (emploi, formation, stage, études)', '… van wie positieve uitstroom (werk, opleiding, stage, studie)'), '77 % (2,079 / 2,700)', '2015–2021', [PR2024]),
  R('E3', L('… of whom found a job', '… dont ayant trouvé un emploi', '… van wie werk vond'), '63 % (1,701 / 2,700)', '2015–2021', [PR2024]),
  R('E4', L('Job seekers who followed mentoring via Actiris', 'Chercheurs d’emploi ayant suivi un mentorat via Actiris', 'Werkzoekenden die mentoring volgden via Actiris'), '981', '2024', [PR2025]),
  R('E5', L('Leavers of mentoring who found work', 'Sortants du mentorat ayant trouvé un travail', 'Uitstromers uit mentoring die werk vonden'), '65 %', '2022', [PR2025]),
  R('E6', L('Actiris ambition: job seekers helped by mentoring', 'Ambition d’Actiris : chercheurs d’emploi aidés par le mentorat', 'Ambitie van Actiris: werkzoekenden geholpen door mentoring'), '4,400 by 2028', '2025–2028', [PR2025]),
  R('E7', L('Actiris spending on mentoring partnerships, co-financed by ESF+', 'Dépenses d’Actiris pour les partenariats de mentorat, cofinancées par le FSE+', 'Uitgaven van Actiris voor mentoringpartnerschappen, medegefinancierd door ESF+'), 'EUR 2.2 M / year', '2025–2028', [PR2025]),
  R('E8', L('Partners selected (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)', 'Partenaires sélectionnés (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)', 'Geselecteerde partners (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)'), '4', '2025–2028', [PR2025]),
  R('E9', L('Mentoring format (Actiris)', 'Format du mentorat (Actiris)', 'Formaat van de mentoring (Actiris)'), '6 months, ≥ 2 meetings / month', '2025', [PR2025]),
  R('E10', L('Political targets', 'Objectifs politiques', 'Politieke doelen'), '5,000 duos by 2030; 10,000 by 2035', '2024', [PR2024]),
  R('E11', L('Regional budget for mentoring', 'Budget régional pour le mentorat', 'Gewestelijk budget voor mentoring'), 'EUR 1,762,500 for 855 duos / year', '2018–2019', [PR2018]),
  R('E12', L('Split of E11 (written parliamentary question no. 14)', 'Répartition de E11 (question parlementaire écrite n° 14)', 'Verdeling van E11 (schriftelijke parlementaire vraag nr. 14)'), '≈ EUR 1,300–1,400 / duo', '2018–2019', [SITE('parlement.brussels', 'https://www.parlement.brussels/')]),
  R('E13', L('DUO for a JOB format', 'Format de DUO for a JOB', 'Formaat van DUO for a JOB'), '6 months, weekly', '2018', [PR2018]),
  R('E14', L('DUO for a JOB results: found a job', 'Résultats de DUO for a JOB : emploi trouvé', 'Resultaten van DUO for a JOB: werk gevonden'), '53 % of 1,000+ duos', '2013–2018', [PR2018]),
  R('E15', L('Team4Job results: 77 jobs of 152 closed duos (25 permanent), 8 self-employed', 'Résultats de Team4Job : 77 emplois sur 152 duos clôturés (25 CDI), 8 indépendants', 'Resultaten van Team4Job: 77 banen op 152 afgesloten duo’s (25 vast), 8 zelfstandigen'), '50.6 %', '–2018', [PR2018]),
  R('E16', L('Actiris: positive outcomes of mentoring', 'Actiris : issues positives du mentorat', 'Actiris: positieve uitkomsten van mentoring'), '74 %', '–2018', [PR2018]),
  R('E17', L('DUO for a JOB closed duos, job rate (82 permanent, 130 fixed-term)', 'DUO for a JOB, duos clôturés, taux d’emploi (82 CDI, 130 CDD)', 'DUO for a JOB, afgesloten duo’s, werkzaamheid (82 vast, 130 tijdelijk)'), '212 / 383 = 55 %', '–2017', [SITE('press.actiris.be', 'https://press.actiris.be/')]),
  R('E18', L('DUO for a JOB funding request, Brussels', 'Demande de financement de DUO for a JOB, Bruxelles', 'Financieringsaanvraag van DUO for a JOB, Brussel'), 'EUR 4.978 M for 2,450 duos (≈ 2,030 each)', '2024–2027', [SITE('trends.levif.be', 'https://trends.levif.be/')]),
  R('E19', L('First Belgian social impact bond (DUO for a JOB): outcome = 90 days worked within 12 months, vs a matched Actiris group', 'Premier social impact bond belge (DUO for a JOB) : résultat = 90 jours prestés en 12 mois, contre un groupe Actiris apparié', 'Eerste Belgische social impact bond (DUO for a JOB): uitkomst = 90 dagen gewerkt binnen 12 maanden, tegenover een gematchte Actiris-groep'), 'EUR 347 k for 322 people (≈ 1,080 each)', '2014–2017', [SITE('koisinvest.com', 'https://www.koisinvest.com/'), SITE('weliswaar.be', 'https://www.weliswaar.be/')]),
  R('E20', L('Duos that run the full 6 months', 'Duos menés sur les 6 mois', 'Duo’s die de volle 6 maanden lopen'), '89 %', '≈ 2024', [SITE('defi-autonomie.com', 'https://www.defi-autonomie.com/')]),
  R('E21', L('Mentors who start another duo', 'Mentors qui commencent un autre duo', 'Mentoren die aan een nieuw duo beginnen'), '82 %', '≈ 2025', [SITE('duoforajob.be', 'https://www.duoforajob.be/')]),
  R('E22', L('Active mentor pools (DUO for a JOB ≈ 2,000; Team4Job 1,000+)', 'Viviers de mentors actifs (DUO for a JOB ≈ 2 000 ; Team4Job 1 000+)', 'Actieve mentorpools (DUO for a JOB ≈ 2.000; Team4Job 1.000+)'), '≈ 3,000', '2023–2025', [SITE('duoforajob.be', 'https://www.duoforajob.be/'), PR2025]),
  R('C1', L('Young Actiris registrants after studies in work a year later (view.brussels study)', 'Jeunes inscrits chez Actiris après leurs études, au travail un an plus tard (étude view.brussels)', 'Jonge ingeschrevenen bij Actiris na hun studie, aan het werk een jaar later (studie view.brussels)'), '54.9 %; no diploma ≈ 33 %', '2020', [SITE('view.brussels', 'https://view.brussels/'), SITE('lecho.be', 'https://www.lecho.be/')]),
  R('C2', L('Long-term unemployed, low-skilled: job within a year', 'Chômeurs de longue durée peu qualifiés : emploi dans l’année', 'Langdurig werklozen, laaggeschoold: werk binnen een jaar'), '14 %', '', [SITE('koisinvest.com', 'https://www.koisinvest.com/')]),
  R('C3', L('Social impact bond: participants about twice the matched group', 'Social impact bond : participants environ le double du groupe apparié', 'Social impact bond: deelnemers ongeveer het dubbele van de gematchte groep'), 'baseline ≈ 25–30 %', '2014–2017', [SITE('koisinvest.com', 'https://www.koisinvest.com/')]),
  R('C4', L('Meta-analysis of active labour market policies (Card, Kluve, Weber, JEEA 2018)', 'Méta-analyse des politiques actives du marché du travail (Card, Kluve, Weber, JEEA 2018)', 'Meta-analyse van actief arbeidsmarktbeleid (Card, Kluve, Weber, JEEA 2018)'), '–', '2018', [SITE('doi.org', 'https://doi.org/10.1093/jeea/jvx028')]),
  R('F1', L('Minimum wage (gross, 18+)', 'Salaire minimum (brut, 18+)', 'Minimumloon (bruto, 18+)'), 'EUR 2,070.48 → 2,111.89 / month', '2024–2025', [SITE('ucm.be', 'https://www.ucm.be/'), SITE('acerta.be', 'https://www.acerta.be/')]),
  R('F2', L('Employee social contributions (work bonus at the minimum wage)', 'Cotisations sociales du travailleur (bonus à l’emploi au salaire minimum)', 'Werknemersbijdragen (werkbonus op het minimumloon)'), '13.07 %', '2025', [SITE('ucm.be', 'https://www.ucm.be/')]),
  R('F3', L('Employer social contributions', 'Cotisations patronales', 'Werkgeversbijdragen'), '≈ 25–27 %', '2025', [SITE('lexgo.be', 'https://www.lexgo.be/')]),
  R('F4', L('Social integration income (CPAS)', 'Revenu d’intégration sociale (CPAS)', 'Leefloon (OCMW)'), 'EUR 876–1,776 / month', '2025', []),
  R('F5', L('Insertion allowance (young people after studies)', 'Allocation d’insertion (jeunes après les études)', 'Inschakelingsuitkering (jongeren na de studie)'), '≈ EUR 600–1,290 / month', '2024', []),
  R('F6', L('2025 federal reform: benefits limited in time from 1 March 2026', 'Réforme fédérale 2025 : allocations limitées dans le temps dès le 1er mars 2026', 'Federale hervorming 2025: uitkeringen beperkt in de tijd vanaf 1 maart 2026'), '24 / 12 months', '2025', []),
  R('F7', L('Public cost of one unemployed person (upper bound); long-term ≈ EUR 26,900 (HIVA, KU Leuven)', 'Coût public d’un chômeur (borne haute) ; longue durée ≈ 26 900 EUR (HIVA, KU Leuven)', 'Overheidskost van een werkloze (bovengrens); langdurig ≈ 26.900 EUR (HIVA, KU Leuven)'), '≈ EUR 33,400 / year', '2021', [SITE('euractiv.com', 'https://www.euractiv.com/'), SITE('knack.be', 'https://www.knack.be/')]),
];

const BY_ID = new Map(EVIDENCE.map((r) => [r.id, r]));

export function evidenceRow(id) {
  return BY_ID.get(id) ?? null;
}

/** A URL safe to put in an href: http(s) only, else null. */
export function safeHref(s) {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits a "source" field into references:
 * [{kind: 'row', id, row}] for evidence ids, [{kind: 'url', href}] for links,
 * [{kind: 'text', text}] for anything else (shown as plain text).
 */
export function parseSource(source) {
  if (source == null || source === '') return [];
  const out = [];
  for (const raw of String(source).split(/[,;]/)) {
    const part = raw.trim();
    if (!part) continue;
    // "E1-E3" names a range of rows.
    const range = /^([ECF])(\d+)\s*[-–]\s*\1?(\d+)$/.exec(part);
    if (range) {
      for (let i = Number(range[2]); i <= Number(range[3]) && i - Number(range[2]) < 40; i++) {
        const id = `${range[1]}${i}`;
        if (BY_ID.has(id)) out.push({ kind: 'row', id, row: BY_ID.get(id) });
      }
    } else if (BY_ID.has(part)) out.push({ kind: 'row', id: part, row: BY_ID.get(part) });
    else if (safeHref(part)) out.push({ kind: 'url', href: safeHref(part) });
    else out.push({ kind: 'text', text: part });
  }
  return out;
}
