//! Named evidence priors for the counterfactual: what mentoring changes in
//! the chance of being in work within 12 months after the duo, each built
//! from rows of `docs/EVIDENCE.md`. A reader picks one; none of them settles
//! the question, which is why they are named and shown side by side.
//!
//! The default is the one a sceptical reviewer would accept: effects
//! measured against control groups that someone other than the programme
//! chose.

use crate::model::distribution::{Dist, Param};
use crate::model::scenario::Counterfactual;
use crate::model::text::Text;
use serde::Serialize;

/// Whether a prior states the effect or the rate without mentoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// The effect in share points (0.03 = 3 points).
    Effect,
    /// The rate without mentoring; the effect is the gross rate minus it.
    Baseline,
    /// The odds ratio of being in work, with mentoring against without,
    /// applied at the mentees' own gross rate.
    OddsRatio,
}

/// One named prior.
#[derive(Debug, Clone, Serialize)]
pub struct Prior {
    /// Its identifier (`counterfactual.prior` in a scenario).
    pub id: &'static str,
    /// Effect or baseline.
    pub form: Form,
    /// Its distribution.
    #[serde(skip)]
    pub dist: Dist,
    /// The EVIDENCE rows it is built from.
    pub source: &'static str,
    /// Its name, in three languages.
    pub name: [&'static str; 3],
    /// How it is built and what it leaves out, in three languages.
    pub note: [&'static str; 3],
}

/// The default prior.
pub const DEFAULT: &str = "independent-evaluations";

/// Every named prior, the default first.
pub const PRIORS: &[Prior] = &[
    Prior {
        id: "independent-evaluations",
        form: Form::Effect,
        dist: Dist::Pert { min: -0.02, mode: 0.03, max: 0.10 },
        source: "C4, C7, C8, C9, C10, C14",
        name: [
            "Independent evaluations: a few points",
            "Évaluations indépendantes : quelques points",
            "Onafhankelijke evaluaties: enkele punten",
        ],
        note: [
            "Effects measured against control groups: +2 points of job starts for young welfare recipients given a mentor in a Danish trial (C7), about +5 points at first for the UK New Deal for Young People (C8); without a control group, +4 points for Norwegian traineeships with a mentor (C9). Reviews disagree on how effects evolve: job-search assistance flat or declining over time while training grows (C4, C14), positive from 6 to 36 months in one version of a meta-analysis and none in another (C10). Effect from -2 to +10 points, most likely +3: an assumption built on these, the upper bound twice the largest effect they report.",
            "Effets mesurés contre des groupes témoins : +2 points d'entrées en emploi pour de jeunes allocataires avec un mentor dans un essai danois (C7), environ +5 points au début pour le New Deal for Young People britannique (C8) ; sans groupe témoin, +4 points pour des stages norvégiens avec mentor (C9). Les synthèses divergent sur l'évolution des effets : l'aide à la recherche d'emploi stable ou déclinante dans le temps, la formation croissante (C4, C14), positive de 6 à 36 mois dans une version d'une méta-analyse et nulle dans une autre (C10). Effet de -2 à +10 points, +3 le plus probable : hypothèse fondée sur ces sources, la borne haute le double du plus grand effet qu'elles rapportent.",
            "Effecten gemeten tegenover controlegroepen: +2 punten werkstarts voor jonge uitkeringsgerechtigden met een mentor in een Deense proef (C7), ongeveer +5 punten aanvankelijk voor de Britse New Deal for Young People (C8); zonder controlegroep +4 punten voor Noorse stages met een mentor (C9). Overzichtsstudies verschillen over het verloop: begeleiding bij het zoeken naar werk gelijkblijvend of dalend in de tijd, opleiding stijgend (C4, C14), positief van 6 tot 36 maanden in één versie van een meta-analyse en geen effect in een andere (C10). Effect van -2 tot +10 punten, +3 het waarschijnlijkst: een aanname op basis hiervan, de bovengrens het dubbele van het grootste effect dat ze melden.",
        ],
    },
    Prior {
        id: "young-registrants",
        form: Form::Baseline,
        dist: Dist::Beta { events: 11.0, non_events: 9.0 },
        source: "C1",
        name: [
            "Young Actiris registrants: 55 % in work anyway",
            "Jeunes inscrits chez Actiris : 55 % en emploi de toute façon",
            "Jonge ingeschrevenen bij Actiris: 55 % toch aan het werk",
        ],
        note: [
            "54.9 % of young people registering at Actiris after their studies are in work a year later (C1). Two biases pull in opposite directions: that study counts a job of one month, looser than the programme's outcome, and mentees more often have no recognised diploma (about a third of those are in work a year later). Rate without mentoring centred on 55 %, wide (effective n = 20); the effect is the gross rate minus it.",
            "54,9 % des jeunes inscrits chez Actiris après leurs études sont en emploi un an plus tard (C1). Deux biais jouent en sens contraire : l'étude compte un emploi d'un mois, moins exigeant que le résultat du programme, et les mentees sont plus souvent sans diplôme reconnu (environ un tiers de ceux-là travaillent un an plus tard). Taux sans mentorat centré sur 55 %, large (n effectif = 20) ; l'effet est le taux brut moins celui-ci.",
            "54,9 % van de jongeren die zich na hun studie bij Actiris inschrijven, werkt een jaar later (C1). Twee vertekeningen werken in tegengestelde richting: de studie telt een baan van één maand, losser dan de uitkomst van het programma, en mentees hebben vaker geen erkend diploma (van hen werkt ongeveer een derde een jaar later). Kans zonder mentoring gecentreerd op 55 %, breed (effectieve n = 20); het effect is de brutokans min deze.",
        ],
    },
    Prior {
        id: "programme-comparison",
        form: Form::Baseline,
        dist: Dist::Beta { events: 6.0, non_events: 14.0 },
        source: "C3, E19",
        name: [
            "The programme's own comparison: about double",
            "La comparaison du programme lui-même : environ le double",
            "De eigen vergelijking van het programma: ongeveer het dubbele",
        ],
        note: [
            "The social impact bond's interim measure: participants in work about twice as often as a matched Actiris group (E19, C3), reported by the programme; the rates themselves are not published. Rate without mentoring centred on 30 %, wide (effective n = 20).",
            "La mesure intermédiaire du social impact bond : participants en emploi environ deux fois plus souvent qu'un groupe Actiris apparié (E19, C3), selon le programme ; les taux eux-mêmes ne sont pas publiés. Taux sans mentorat centré sur 30 %, large (n effectif = 20).",
            "De tussentijdse meting van de social impact bond: deelnemers ongeveer twee keer zo vaak aan het werk als een gematchte Actiris-groep (E19, C3), volgens het programma; de cijfers zelf zijn niet gepubliceerd. Kans zonder mentoring gecentreerd op 30 %, breed (effectieve n = 20).",
        ],
    },
    Prior {
        id: "danish-trial-odds",
        form: Form::OddsRatio,
        dist: Dist::Pert { min: 0.8, mode: 1.43, max: 2.0 },
        source: "C7",
        name: [
            "The Danish mentor trial as an odds ratio",
            "L'essai danois de mentorat en rapport de cotes",
            "De Deense mentorproef als odds ratio",
        ],
        note: [
            "The Danish randomised trial moved job starts from about 5 % to about 7 % (C7): odds 1.43 times as high. Carried over as an odds ratio to the mentees' own rate of work (about 65 %), that is about +8.5 points, not +2: the same change of odds moves a rate near one half more than a rate near zero. The trial's confidence interval was not read: odds ratio from 0.8 to 2.0, most likely 1.43 (the bounds an assumption).",
            "L'essai randomisé danois a fait passer les entrées en emploi d'environ 5 % à environ 7 % (C7) : une cote 1,43 fois plus élevée. Reportée comme rapport de cotes au taux d'emploi des mentees eux-mêmes (environ 65 %), cela fait environ +8,5 points, pas +2 : le même changement de cote déplace davantage un taux proche de la moitié qu'un taux proche de zéro. L'intervalle de confiance de l'essai n'a pas été lu : rapport de cotes de 0,8 à 2,0, 1,43 le plus probable (bornes : hypothèse).",
            "De Deense gerandomiseerde proef bracht de werkstarts van ongeveer 5 % naar ongeveer 7 % (C7): een odds 1,43 keer zo hoog. Als odds ratio overgedragen op de eigen werkkans van de mentees (ongeveer 65 %) is dat ongeveer +8,5 punten, niet +2: dezelfde verandering van odds verschuift een kans rond de helft meer dan een kans dicht bij nul. Het betrouwbaarheidsinterval van de proef werd niet gelezen: odds ratio van 0,8 tot 2,0, 1,43 het waarschijnlijkst (de grenzen een aanname).",
        ],
    },
];

impl Prior {
    /// The prior as a scenario's counterfactual.
    pub fn counterfactual(&self) -> Counterfactual {
        let param = Param {
            dist: self.dist.clone(),
            source: Some(self.source.to_string()),
            assumption: self.form != Form::Baseline,
            note: Some(self.note_text().into()),
        };
        let (mut effect, mut baseline, mut odds_ratio) = (None, None, None);
        match self.form {
            Form::Effect => effect = Some(param),
            Form::Baseline => baseline = Some(param),
            Form::OddsRatio => odds_ratio = Some(param),
        }
        Counterfactual {
            prior: Some(self.id.to_string()),
            effect,
            baseline,
            odds_ratio,
        }
    }

    /// Its note as a [`Text`].
    pub fn note_text(&self) -> Text {
        Text {
            en: self.note[0].into(),
            fr: self.note[1].into(),
            nl: self.note[2].into(),
        }
    }

    /// Its name as a [`Text`].
    pub fn name_text(&self) -> Text {
        Text {
            en: self.name[0].into(),
            fr: self.name[1].into(),
            nl: self.name[2].into(),
        }
    }
}

/// The prior named `id`.
pub fn get(id: &str) -> Option<&'static Prior> {
    PRIORS.iter().find(|p| p.id == id)
}
