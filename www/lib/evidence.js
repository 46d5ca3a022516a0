// The evidence rows of docs/EVIDENCE.md that scenario inputs cite ("source": "E3"),
// with where each was published. Press releases are kept beside the page
// (sources/*.txt); other rows link to the site that published the figure.
// A scenario's "source" may also be a URL, which is linked as it is (http(s) only).

import { locale, pick } from './i18n.js';

const PR = (file) => ({ href: `sources/${file}`, site: 'pr', file });
const SITE = (name, href) => ({ href, site: name });

const R = (id, fig, value, period, where) => ({ id, fig, value, period, where });
const L = (en, fr, nl) => ({ en, fr, nl });
/** A value or period with words, in three languages. French groups digits
 * with a narrow no-break space, as the page's number formats do. */
const V = (en, fr, nl) => ({ en, fr: fr.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u202f'), nl });

const PR2024 = PR('000_4bb4b244b0e52924.txt');
const PR2025 = PR('003_ab8dde30f2f971ad.txt');
const PR2018 = PR('004_b41b2b16c8528b53.txt');

export const EVIDENCE = [
  R('E1', L('Young people mentored under the Actiris mentoring measure (DUO for a JOB)', 'Jeunes accompagnés dans la mesure Mentorat d’Actiris (DUO for a JOB)', 'Jongeren begeleid in de mentoringmaatregel van Actiris (DUO for a JOB)'), '2,700', '2015–2021', [PR2024]),
  R('E2', L('… of whom positive exit (job, training, internship, studies)', '… dont sortie positive (emploi, formation, stage, études)', '… van wie positieve uitstroom (werk, opleiding, stage, studie)'), '77 % (2,079 / 2,700)', '2015–2021', [PR2024]),
  R('E3', L('… of whom found a job', '… dont ayant trouvé un emploi', '… van wie werk vond'), '63 % (1,701 / 2,700)', '2015–2021', [PR2024]),
  R('E4', L('Job seekers who followed mentoring via Actiris', 'Chercheurs d’emploi ayant suivi un mentorat via Actiris', 'Werkzoekenden die mentoring volgden via Actiris'), '981', '2024', [PR2025]),
  R('E5', L('Leavers of mentoring who found work', 'Sortants du mentorat ayant trouvé un travail', 'Uitstromers uit mentoring die werk vonden'), '65 %', '2022', [PR2025]),
  R('E6', L('Actiris ambition: job seekers helped by mentoring', 'Ambition d’Actiris : chercheurs d’emploi aidés par le mentorat', 'Ambitie van Actiris: werkzoekenden geholpen door mentoring'), V('4,400 by 2028', '4 400 d’ici 2028', '4.400 tegen 2028'), '2025–2028', [PR2025]),
  R('E7', L('Actiris spending on mentoring partnerships, co-financed by ESF+', 'Dépenses d’Actiris pour les partenariats de mentorat, cofinancées par le FSE+', 'Uitgaven van Actiris voor mentoringpartnerschappen, medegefinancierd door ESF+'), V('EUR 2.2 M / year', '2,2 M EUR / an', '2,2 M EUR / jaar'), '2025–2028', [PR2025]),
  R('E8', L('Partners selected (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)', 'Partenaires sélectionnés (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)', 'Geselecteerde partners (Backstage.Network, DUO for a JOB, Pour la Solidarité, Team4Job)'), '4', '2025–2028', [PR2025]),
  R('E9', L('Mentoring format (Actiris)', 'Format du mentorat (Actiris)', 'Formaat van de mentoring (Actiris)'), V('6 months, ≥ 2 meetings / month', '6 mois, ≥ 2 rencontres / mois', '6 maanden, ≥ 2 ontmoetingen / maand'), '2025', [PR2025]),
  R('E10', L('Political targets', 'Objectifs politiques', 'Politieke doelen'), V('5,000 duos by 2030; 10,000 by 2035', '5 000 duos d’ici 2030 ; 10 000 d’ici 2035', '5.000 duo’s tegen 2030; 10.000 tegen 2035'), '2024', [PR2024]),
  R('E11', L('Regional budget for mentoring', 'Budget régional pour le mentorat', 'Gewestelijk budget voor mentoring'), V('EUR 1,762,500 for 855 duos / year', '1 762 500 EUR pour 855 duos / an', '1.762.500 EUR voor 855 duo’s / jaar'), '2018–2019', [PR2018]),
  R('E12', L('Split of E11 (written parliamentary question no. 14)', 'Répartition de E11 (question parlementaire écrite n° 14)', 'Verdeling van E11 (schriftelijke parlementaire vraag nr. 14)'), V('≈ EUR 1,300–1,400 / duo', '≈ 1 300–1 400 EUR / duo', '≈ 1.300–1.400 EUR / duo'), '2018–2019', [SITE('parlement.brussels', 'https://www.parlement.brussels/')]),
  R('E13', L('DUO for a JOB format', 'Format de DUO for a JOB', 'Formaat van DUO for a JOB'), V('6 months, weekly', '6 mois, chaque semaine', '6 maanden, wekelijks'), '2018', [PR2018]),
  R('E14', L('DUO for a JOB results: found a job', 'Résultats de DUO for a JOB : emploi trouvé', 'Resultaten van DUO for a JOB: werk gevonden'), V('53 % of 1,000+ duos', '53 % de 1 000+ duos', '53 % van 1.000+ duo’s'), '2013–2018', [PR2018]),
  R('E15', L('Team4Job results: 77 jobs of 152 closed duos (25 permanent), 8 self-employed', 'Résultats de Team4Job : 77 emplois sur 152 duos clôturés (25 CDI), 8 indépendants', 'Resultaten van Team4Job: 77 banen op 152 afgesloten duo’s (25 vast), 8 zelfstandigen'), '50.6 %', '–2018', [PR2018]),
  R('E16', L('Actiris: positive outcomes of mentoring', 'Actiris : issues positives du mentorat', 'Actiris: positieve uitkomsten van mentoring'), '74 %', '–2018', [PR2018]),
  R('E17', L('DUO for a JOB closed duos, job rate (82 permanent, 130 fixed-term)', 'DUO for a JOB, duos clôturés, taux d’emploi (82 CDI, 130 CDD)', 'DUO for a JOB, afgesloten duo’s, werkzaamheid (82 vast, 130 tijdelijk)'), '212 / 383 = 55 %', '–2017', [SITE('press.actiris.be', 'https://press.actiris.be/')]),
  R('E18', L('DUO for a JOB funding request, Brussels', 'Demande de financement de DUO for a JOB, Bruxelles', 'Financieringsaanvraag van DUO for a JOB, Brussel'), V('EUR 4.978 M for 2,450 duos (≈ 2,030 each)', '4,978 M EUR pour 2 450 duos (≈ 2 030 par duo)', '4,978 M EUR voor 2.450 duo’s (≈ 2.030 per duo)'), '2024–2027', [SITE('trends.levif.be', 'https://trends.levif.be/')]),
  R('E19', L('First Belgian social impact bond (DUO for a JOB): outcome = 90 days worked within 12 months, vs a matched Actiris group', 'Premier social impact bond belge (DUO for a JOB) : résultat = 90 jours prestés en 12 mois, contre un groupe Actiris apparié', 'Eerste Belgische social impact bond (DUO for a JOB): uitkomst = 90 dagen gewerkt binnen 12 maanden, tegenover een gematchte Actiris-groep'), V('EUR 347 k for 322 people (≈ 1,080 each)', '347 k EUR pour 322 personnes (≈ 1 080 par personne)', '347 k EUR voor 322 personen (≈ 1.080 per persoon)'), '2014–2017', [SITE('koisinvest.com', 'https://www.koisinvest.com/'), SITE('weliswaar.be', 'https://www.weliswaar.be/')]),
  R('E20', L('Duos that run the full 6 months', 'Duos menés sur les 6 mois', 'Duo’s die de volle 6 maanden lopen'), '89 %', '≈ 2024', [SITE('defi-autonomie.com', 'https://www.defi-autonomie.com/')]),
  R('E21', L('Mentors who start another duo', 'Mentors qui commencent un autre duo', 'Mentoren die aan een nieuw duo beginnen'), '82 %', '≈ 2025', [SITE('duoforajob.be', 'https://www.duoforajob.be/')]),
  R('E22', L('Active mentor pools (DUO for a JOB ≈ 2,000; Team4Job 1,000+)', 'Viviers de mentors actifs (DUO for a JOB ≈ 2 000 ; Team4Job 1 000+)', 'Actieve mentorpools (DUO for a JOB ≈ 2.000; Team4Job 1.000+)'), '≈ 3,000', '2023–2025', [SITE('duoforajob.be', 'https://www.duoforajob.be/'), PR2025]),
  R('E23', L('DUO for a JOB annual report 2018: 1,500 duos; mentees who found work (19 % a placement or training)', 'Rapport annuel 2018 de DUO for a JOB : 1 500 duos ; mentees ayant trouvé un emploi (19 % un stage ou une formation)', 'Jaarverslag 2018 van DUO for a JOB: 1.500 duo’s; mentees die werk vonden (19 % een stage of opleiding)'), '54 %', '2018', [SITE('duoforajob.be', 'https://www.duoforajob.be/en/blog/the-annual-report-2018-is-there/')]),
  R('E24', L('DUO for a JOB annual report 2021 (Belgium): 940 mentees; positive outcome within 12 months (1 in 2 a stable job, self-declared; 48 % without a recognised diploma)', 'Rapport annuel 2021 de DUO for a JOB (Belgique) : 940 mentees ; issue positive dans les 12 mois (1 sur 2 un emploi stable, déclaratif ; 48 % sans diplôme reconnu)', 'Jaarverslag 2021 van DUO for a JOB (België): 940 mentees; positieve uitkomst binnen 12 maanden (1 op 2 een vaste baan, zelf gemeld; 48 % zonder erkend diploma)'), '> 70 %', '2021', [SITE('duoforajob.org', 'https://annualreport2021.duoforajob.org/BE-FR/mentees.php')]),
  R('E25', L('First evaluation reported in the press: young people who found a lasting job within 12 months, “twice the average”', 'Première évaluation relayée par la presse : jeunes ayant trouvé un emploi durable dans les 12 mois, « le double de la moyenne »', 'Eerste evaluatie in de pers: jongeren die binnen 12 maanden duurzaam werk vonden, “het dubbele van het gemiddelde”'), V('53 % of 380', '53 % de 380', '53 % van 380'), '≈ 2016', [SITE('duoforajob.be', 'https://www.duoforajob.be/coaching-helps-immigrant-youth-find-jobs-more-easily-the-brussels-times/')]),
  R('E26', L('Largest mentor recruitment a year that a plan assumes feasible: as many new mentors as the partners’ recorded pools hold today (E22); no source gives their capacity to recruit', 'Plus grand recrutement de mentors par an qu’un plan suppose possible : autant de nouveaux mentors que les viviers connus des partenaires en comptent aujourd’hui (E22) ; aucune source ne donne leur capacité de recrutement', 'Grootste werving van mentoren per jaar die een plan haalbaar acht: zoveel nieuwe mentoren als de bekende pools van de partners vandaag tellen (E22); geen bron geeft hun wervingscapaciteit'), V('3,000 a year', '3 000 par an', '3.000 per jaar'), V('assumption', 'hypothèse', 'aanname'), []),
  R('C1', L('Young Actiris registrants after studies in work a year later (view.brussels study)', 'Jeunes inscrits chez Actiris après leurs études, au travail un an plus tard (étude view.brussels)', 'Jonge ingeschrevenen bij Actiris na hun studie, aan het werk een jaar later (studie view.brussels)'), V('54.9 %; no diploma ≈ 33 %', '54,9 % ; sans diplôme ≈ 33 %', '54,9 %; zonder diploma ≈ 33 %'), '2020', [SITE('view.brussels', 'https://view.brussels/'), SITE('lecho.be', 'https://www.lecho.be/')]),
  R('C2', L('Long-term unemployed, low-skilled: job within a year', 'Chômeurs de longue durée peu qualifiés : emploi dans l’année', 'Langdurig werklozen, laaggeschoold: werk binnen een jaar'), '14 %', '', [SITE('koisinvest.com', 'https://www.koisinvest.com/')]),
  R('C3', L('Social impact bond: participants about twice the matched group', 'Social impact bond : participants environ le double du groupe apparié', 'Social impact bond: deelnemers ongeveer het dubbele van de gematchte groep'), V('baseline ≈ 25–30 %', 'sans l’action ≈ 25–30 %', 'zonder de maatregel ≈ 25–30 %'), '2014–2017', [SITE('koisinvest.com', 'https://www.koisinvest.com/')]),
  R('C4', L('Meta-analysis of active labour market policies (Card, Kluve, Weber, JEEA 2018)', 'Méta-analyse des politiques actives du marché du travail (Card, Kluve, Weber, JEEA 2018)', 'Meta-analyse van actief arbeidsmarktbeleid (Card, Kluve, Weber, JEEA 2018)'), '–', '2018', [SITE('doi.org', 'https://doi.org/10.1093/jeea/jvx028'), SITE('research.wu.ac.at', 'https://research.wu.ac.at/en/publications/what-works-a-meta-analysis-of-recent-active-labor-market-program--3')]),
  R('C5', L('DUO for a JOB pilot evaluated by the Brussels employment observatory: 300+ participants against about 4,000 similar Actiris registrants, 3 years on (result not found; not used)', 'Projet pilote de DUO for a JOB évalué par l’observatoire bruxellois de l’emploi : 300+ participants contre environ 4 000 inscrits Actiris comparables, 3 ans après (résultat introuvable ; non utilisé)', 'Pilootproject van DUO for a JOB geëvalueerd door het Brussels observatorium voor de werkgelegenheid: 300+ deelnemers tegenover ongeveer 4.000 vergelijkbare Actiris-ingeschrevenen, 3 jaar later (resultaat niet gevonden; niet gebruikt)'), '–', '', [SITE('digital-skills-jobs.europa.eu', 'https://digital-skills-jobs.europa.eu/en/inspiration/good-practices/duo-job-belgium-france-netherlands')]),
  R('C6', L('Bagnoli, Estache and Fourati (2022), mentoring in a Belgian programme: differences among mentees, not an effect against a comparison group (not used)', 'Bagnoli, Estache et Fourati (2022), le mentorat dans un programme belge : différences entre mentees, pas un effet contre un groupe de comparaison (non utilisé)', 'Bagnoli, Estache en Fourati (2022), mentoring in een Belgisch programma: verschillen tussen mentees, geen effect tegenover een vergelijkingsgroep (niet gebruikt)'), '–', '2022', [SITE('radar.brookes.ac.uk', 'https://radar.brookes.ac.uk/')]),
  R('C7', L('Danish randomised trial: mentors for 2,588 young cash-benefit recipients without qualifying education (job starts; +4 points education)', 'Essai randomisé danois : mentors pour 2 588 jeunes allocataires sans formation qualifiante (entrées en emploi ; +4 points en formation)', 'Deense gerandomiseerde proef: mentoren voor 2.588 jonge uitkeringsgerechtigden zonder kwalificerend diploma (werkstarts; +4 punten onderwijs)'), V('+2 points', '+2 points', '+2 procentpunten'), '2012–2014', [SITE('childresearch.au.dk', 'https://childresearch.au.dk/en/udsatte-boern-unge-og-familier/projekter/mentors-for-young-social-security-recipients')]),
  R('C8', L('UK New Deal for Young People (Blundell, Costa Dias, Meghir, Van Reenen 2004): transitions to unsubsidised work at first', 'New Deal for Young People britannique (Blundell, Costa Dias, Meghir, Van Reenen 2004) : passages vers un emploi non subventionné au début', 'Britse New Deal for Young People (Blundell, Costa Dias, Meghir, Van Reenen 2004): overgangen naar niet-gesubsidieerd werk in het begin'), V('≈ +5 points', '≈ +5 points', '≈ +5 procentpunten'), '2004', [SITE('studylib.net', 'https://studylib.net/doc/12973494/')]),
  R('C9', L('Norway, Statistics Norway (not experimental): chance of a job for trainee positions with a mentoring programme', 'Norvège, Statistics Norway (non expérimental) : chance d’emploi pour des stages avec programme de mentorat', 'Noorwegen, Statistics Norway (niet experimenteel): kans op werk voor stageplaatsen met een mentorprogramma'), V('+4 points', '+4 points', '+4 procentpunten'), '1997', [SITE('ssb.no', 'https://ssb.no/a/english/weekly_bulletin/editions/9740/1.html')]),
  R('C10', L('Vooren, Haelermans, Groot, Maassen van den Brink (2019), meta-analysis of 57 studies: job-search assistance (the journal and working-paper versions disagree)', 'Vooren, Haelermans, Groot, Maassen van den Brink (2019), méta-analyse de 57 études : aide à la recherche d’emploi (les versions revue et document de travail divergent)', 'Vooren, Haelermans, Groot, Maassen van den Brink (2019), meta-analyse van 57 studies: begeleiding bij het zoeken naar werk (de tijdschrift- en werkdocumentversie verschillen)'), '–', '2019', [SITE('econbeancount.app', 'https://econbeancount.app/article/80576'), SITE('tierweb.nl', 'http://www.tierweb.nl/')]),
  R('C11', L('Crépon, Duflo, Gurgand, Rathelot, Zamora (2013): counselling of young graduates in France, gains transitory and partly at the expense of other job seekers', 'Crépon, Duflo, Gurgand, Rathelot, Zamora (2013) : accompagnement de jeunes diplômés en France, gains transitoires et en partie aux dépens d’autres chercheurs d’emploi', 'Crépon, Duflo, Gurgand, Rathelot, Zamora (2013): begeleiding van jonge afgestudeerden in Frankrijk, tijdelijke winst en deels ten koste van andere werkzoekenden'), V('displacement', 'effet d’éviction', 'verdringing'), '2013', [SITE('povertyactionlab.org', 'https://www.povertyactionlab.org/evaluation/counseling-and-job-placement-young-graduate-job-seekers-france-jeunes-diplomes')]),
  R('C12', L('Cheung, Egebark, Forslund, Laun, Rödin, Vikström (IFAU 2019): two-level randomised trial in Sweden, substantial displacement, larger in weak markets', 'Cheung, Egebark, Forslund, Laun, Rödin, Vikström (IFAU 2019) : essai randomisé à deux niveaux en Suède, éviction importante, plus forte sur les marchés faibles', 'Cheung, Egebark, Forslund, Laun, Rödin, Vikström (IFAU 2019): gerandomiseerde proef op twee niveaus in Zweden, aanzienlijke verdringing, groter in zwakke markten'), V('displacement', 'effet d’éviction', 'verdringing'), '2019', [SITE('ifau.se', 'https://www.ifau.se/en/Press/Abstracts/does-job-search-assistance-reduce-unemployment-experimental-evidence-on-displacement-effects-and-mechanisms/')]),
  R('C13', L('Fair Start Scotland economic evaluation (2021): how long benefits last is the assumption with the highest impact on the results, varied in a pessimistic and an optimistic scenario', 'Évaluation économique de Fair Start Scotland (2021) : la durée des bénéfices est l’hypothèse qui pèse le plus sur les résultats, variée dans un scénario pessimiste et un optimiste', 'Economische evaluatie van Fair Start Scotland (2021): hoe lang de baten duren is de aanname met de grootste impact op de resultaten, gevarieerd in een pessimistisch en een optimistisch scenario'), '–', '2018–2021', [SITE('gov.scot', 'https://gov.scot/publications/fair-start-scotland-economic-evaluation/pages/5')]),
  R('C14', L('Card, Kluve, Weber (2018), as quoted by a secondary page: rising effects come from training; other programmes show constant or declining effects over time', 'Card, Kluve, Weber (2018), cité par une page secondaire : les effets croissants viennent de la formation ; les autres programmes montrent des effets constants ou décroissants dans le temps', 'Card, Kluve, Weber (2018), geciteerd door een secundaire pagina: stijgende effecten komen van opleiding; andere programma’s tonen gelijkblijvende of dalende effecten in de tijd'), '–', '2018', [SITE('motherjones.com', 'https://develop.motherjones.com/kevin-drum/2018/04/raw-metadata-what-kinds-of-jobs-programs-work-the-best/')]),
  R('C15', L('Cottier, Flückiger, Kempeneers, Lalive (2018), randomised trial of job-search assistance in Geneva: employment gains evaporate in the second year', 'Cottier, Flückiger, Kempeneers, Lalive (2018), essai randomisé d’aide à la recherche d’emploi à Genève : les gains d’emploi s’évaporent la deuxième année', 'Cottier, Flückiger, Kempeneers, Lalive (2018), gerandomiseerde proef met begeleiding bij het zoeken naar werk in Genève: de winst in werk verdampt in het tweede jaar'), '–', '2018', [SITE('cepr.org', 'https://cepr.org/active/publications/discussion_papers/dp.php?dpno=13133')]),
  R('C16', L('Maibom, Rosholm, Svarer (2017), Danish randomised trials of early meetings with caseworkers: effects on employment in the medium and long run', 'Maibom, Rosholm, Svarer (2017), essais randomisés danois de rencontres précoces avec un conseiller : effets sur l’emploi à moyen et long terme', 'Maibom, Rosholm, Svarer (2017), Deense gerandomiseerde proeven met vroege gesprekken met een consulent: effecten op werk op middellange en lange termijn'), '–', '2017', [SITE('se.vlex.com', 'https://se.vlex.com/vid/experimental-evidence-on-the-855607052')]),
  R('C17', L('Manoli, Michaelides, Patel (2018), Nevada randomised trial of job-search assistance: employment and earnings gains in each of the six years after', 'Manoli, Michaelides, Patel (2018), essai randomisé au Nevada d’aide à la recherche d’emploi : gains d’emploi et de revenus chacune des six années suivantes', 'Manoli, Michaelides, Patel (2018), gerandomiseerde proef in Nevada met begeleiding bij het zoeken naar werk: winst in werk en inkomen in elk van de zes jaren erna'), '–', '2018', [SITE('clear.dol.gov', 'https://clear.dol.gov/study/long-term-effects-job-search-assistance-experimental-evidence-using-administrative-tax-data')]),
  R('C18', L('IZA World of Labor: job search training has no strong long-term effects on employment and earnings', 'IZA World of Labor : la formation à la recherche d’emploi n’a pas d’effets forts à long terme sur l’emploi et les revenus', 'IZA World of Labor: training in het zoeken naar werk heeft geen sterke langetermijneffecten op werk en inkomen'), '–', '', [SITE('wol.iza.org', 'https://wol.iza.org/articles/dynamics-of-training-programs-for-unemployed/long')]),
  R('F1', L('Minimum wage (gross, 18+)', 'Salaire minimum (brut, 18+)', 'Minimumloon (bruto, 18+)'), V('EUR 2,070.48 → 2,111.89 / month', '2 070,48 → 2 111,89 EUR / mois', '2.070,48 → 2.111,89 EUR / maand'), '2024–2025', [SITE('ucm.be', 'https://www.ucm.be/'), SITE('acerta.be', 'https://www.acerta.be/')]),
  R('F2', L('Employee social contributions (work bonus at the minimum wage)', 'Cotisations sociales du travailleur (bonus à l’emploi au salaire minimum)', 'Werknemersbijdragen (werkbonus op het minimumloon)'), '13.07 %', '2025', [SITE('ucm.be', 'https://www.ucm.be/')]),
  R('F3', L('Employer social contributions', 'Cotisations patronales', 'Werkgeversbijdragen'), '≈ 25–27 %', '2025', [SITE('lexgo.be', 'https://www.lexgo.be/')]),
  R('F4', L('Social integration income (CPAS)', 'Revenu d’intégration sociale (CPAS)', 'Leefloon (OCMW)'), V('EUR 876–1,776 / month', '876–1 776 EUR / mois', '876–1.776 EUR / maand'), '2025', []),
  R('F5', L('Insertion allowance (young people after studies)', 'Allocation d’insertion (jeunes après les études)', 'Inschakelingsuitkering (jongeren na de studie)'), V('≈ EUR 484–1,308 / month', '≈ 484–1 308 EUR / mois', '≈ 484–1.308 EUR / maand'), '2024', [SITE('bruxelles-j.be', 'https://www.bruxelles-j.be/travailler/ton-premier-emploi/quels-sont-les-montants-des-allocations-dinsertion/')]),
  R('F6', L('2025 federal reform: benefits limited in time from 1 March 2026', 'Réforme fédérale 2025 : allocations limitées dans le temps dès le 1er mars 2026', 'Federale hervorming 2025: uitkeringen beperkt in de tijd vanaf 1 maart 2026'), V('24 / 12 months', '24 / 12 mois', '24 / 12 maanden'), '2025', []),
  R('F7', L('Public cost of one unemployed person (upper bound); long-term ≈ EUR 26,900 (HIVA, KU Leuven)', 'Coût public d’un chômeur (borne haute) ; longue durée ≈ 26 900 EUR (HIVA, KU Leuven)', 'Overheidskost van een werkloze (bovengrens); langdurig ≈ 26.900 EUR (HIVA, KU Leuven)'), V('≈ EUR 33,400 / year', '≈ 33 400 EUR / an', '≈ 33.400 EUR / jaar'), '2021', [SITE('euractiv.com', 'https://www.euractiv.com/'), SITE('knack.be', 'https://www.knack.be/')]),
  R('F8', L('Brussels job seekers by status: claim an allowance / insertion waiting period / others; CPAS users (22.3 % of young job seekers)', 'Chercheurs d’emploi bruxellois par statut : allocataires / stage d’insertion / autres ; usagers du CPAS (22,3 % des jeunes)', 'Brusselse werkzoekenden naar statuut: uitkering / inschakelingstijd / anderen; OCMW-gebruikers (22,3 % van de jongeren)'), V('68 % / 5.5 % / 27 %; CPAS 14 %', '68 % / 5,5 % / 27 % ; CPAS 14 %', '68 % / 5,5 % / 27 %; OCMW 14 %'), V('January 2019', 'janvier 2019', 'januari 2019'), [SITE('rtl.be', 'https://www.rtl.be/info/belgique/politique/le-nombre-de-jeunes-chercheurs-d-emploi-au-plus-bas-depuis-1990-a-bruxelles-1097452.aspx')]),
  R('F9', L('The same, May 2021 (CPAS users: 23.3 % of young job seekers)', 'Les mêmes, mai 2021 (usagers du CPAS : 23,3 % des jeunes)', 'Dezelfde, mei 2021 (OCMW-gebruikers: 23,3 % van de jongeren)'), V('66 % / 6 % / 28 %; CPAS 11.9 %', '66 % / 6 % / 28 % ; CPAS 11,9 %', '66 % / 6 % / 28 %; OCMW 11,9 %'), V('May 2021', 'mai 2021', 'mei 2021'), [SITE('lesoir.be', 'https://plus.lesoir.be/375626/article/2021-06-02/')]),
  R('F10', L('Smoothed health index, June 2019 and June 2025: 2019 prices × 1.239 = 2025 prices', 'Indice santé lissé, juin 2019 et juin 2025 : prix 2019 × 1,239 = prix 2025', 'Afgevlakte gezondheidsindex, juni 2019 en juni 2025: prijzen 2019 × 1,239 = prijzen 2025'), '106.80 → 132.36', '2019–2025', [SITE('trends.levif.be', 'https://trends.levif.be/'), SITE('bx1.be', 'https://bx1.be/')]),
  R('F12', L('Federal refund to the CPAS of the social integration income it pays (by law; which Brussels CPAS are in which tier is not published)', 'Remboursement fédéral au CPAS du revenu d’intégration qu’il verse (selon la loi ; quels CPAS bruxellois sont à quel taux n’est pas publié)', 'Federale terugbetaling aan het OCMW van het leefloon dat het uitkeert (volgens de wet; welke Brusselse OCMW’s welk percentage krijgen, is niet gepubliceerd)'), V('55 %, 65 % or 70 % by the CPAS’s size, +10 % with an integration project', '55 %, 65 % ou 70 % selon la taille du CPAS, +10 % avec un projet d’intégration', '55 % tot 70 % naargelang de grootte van het OCMW, +10 % met een integratieproject'), V('rule in force', 'règle en vigueur', 'geldende regel'), [SITE('primabook.mi-is.be', 'https://primabook.mi-is.be/nl/recht-op-maatschappelijke-integratie/staatstoelagen'), SITE('lavenir.net', 'https://www.lavenir.net/actu/2022/09/29/faut-il-aider-tous-les-ukrainiens-de-la-meme-facon-XVUNIYGPNVHFHGVSO6VG6YTASU/')]),
  R('F11', L('Net pay at the minimum wage: share of the gross the worker keeps', 'Salaire net au salaire minimum : part du brut que garde le travailleur', 'Nettoloon op het minimumloon: deel van het brutoloon dat de werknemer houdt'), '> 90 %', '2025', [SITE('peoplesphere.be', 'https://peoplesphere.be/fr/le-salaire-minimum-garanti-en-belgique-a-augmente-de-30-depuis-2021')]),
];

const BY_ID = new Map(EVIDENCE.map((r) => [r.id, r]));

/** English-written numbers in a text ("2,700", "50.6"), not years or ranges of whole numbers. */
const EN_NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+/g;

/**
 * A row's value or period in the reader's language: its words picked, and
 * the numbers of a text written once (figures only) put in the reader's
 * format, to the decimals written ("2,700" is "2 700" in French, "2.700" in
 * Dutch; "50.6 %" is "50,6 %").
 */
export function evidenceText(v) {
  if (v && typeof v === 'object') return pick(v);
  return String(v ?? '').replace(EN_NUMBER, (m) => {
    const decimals = m.includes('.') ? m.split('.')[1].length : 0;
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(m.replaceAll(',', '')));
  });
}

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
