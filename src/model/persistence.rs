//! Named sets for how long mentoring's effect lasts: `fiscal.persistence`,
//! the share of the additional employment still there one year later, each
//! year (one minus the yearly catch-up of the comparison group). Each is
//! built from rows of `docs/EVIDENCE.md` (C13-C18). The sources are
//! qualitative, so every set is an assumption built on them; they are named
//! and shown side by side because none of them settles the question.

use crate::model::distribution::{Dist, Param};
use crate::model::text::Text;
use std::sync::OnceLock;

/// One named set.
#[derive(Debug, Clone)]
pub struct Set {
    /// Its identifier (`fiscal.persistence_prior` in a scenario).
    pub id: &'static str,
    /// Its distribution.
    pub dist: Dist,
    /// The EVIDENCE rows it is built from.
    pub source: &'static str,
    /// Its name, in three languages.
    pub name: [&'static str; 3],
    /// How it is built, in three languages.
    pub note: [&'static str; 3],
}

/// The set the presets use.
pub const DEFAULT: &str = "central";

/// Every named set, from the most pessimistic.
pub const SETS: &[Set] = &[
    Set {
        id: "fades",
        dist: Dist::Pert { min: 0.0, mode: 0.1, max: 0.3 },
        source: "C15, C14, C18",
        name: [
            "Fades: little left after a year",
            "S'estompe : peu de chose après un an",
            "Vervaagt: na een jaar blijft weinig over",
        ],
        note: [
            "In a Geneva trial of job-search assistance the employment gains \"evaporate\" in the second year (C15); reviews find the effects of job-search-type programmes constant or declining over time (C14, C18). From 0 to 30 % of the additional employment still there a year later, most likely 10 % (an assumption built on these qualitative sources).",
            "Dans un essai genevois d'aide à la recherche d'emploi, les gains d'emploi « s'évaporent » la deuxième année (C15) ; les synthèses trouvent des effets constants ou décroissants pour ce type de programme (C14, C18). De 0 à 30 % de l'emploi supplémentaire encore là un an plus tard, 10 % le plus probable (hypothèse fondée sur ces sources qualitatives).",
            "In een Geneefse proef met begeleiding bij het zoeken naar werk \"verdampen\" de winsten in het tweede jaar (C15); overzichtsstudies vinden voor dit soort programma's gelijkblijvende of afnemende effecten (C14, C18). Van 0 tot 30 % van de extra tewerkstelling een jaar later nog aanwezig, 10 % het waarschijnlijkst (aanname op basis van deze kwalitatieve bronnen).",
        ],
    },
    Set {
        id: "central",
        dist: Dist::Pert { min: 0.3, mode: 0.5, max: 0.7 },
        source: "C13, C15, C17",
        name: [
            "Central: about half lasts each year",
            "Central : environ la moitié reste chaque année",
            "Centraal: ongeveer de helft blijft elk jaar",
        ],
        note: [
            "Between the trials where the gain fades within two years (C15) and those where it lasts six (C17); the Fair Start Scotland evaluation names how long benefits last the assumption with \"the highest impact on model results\" and varies it (C13). From 30 to 70 % of the additional employment still there a year later, most likely 50 % (an assumption, not a measured figure).",
            "Entre les essais où le gain s'estompe en deux ans (C15) et ceux où il dure six ans (C17) ; l'évaluation de Fair Start Scotland désigne la durée des bénéfices comme l'hypothèse qui a « le plus d'impact sur les résultats du modèle » et la fait varier (C13). De 30 à 70 % de l'emploi supplémentaire encore là un an plus tard, 50 % le plus probable (hypothèse, pas un chiffre mesuré).",
            "Tussen de proeven waar de winst binnen twee jaar verdwijnt (C15) en die waar ze zes jaar blijft (C17); de evaluatie van Fair Start Scotland noemt hoe lang de baten duren de aanname met \"de grootste impact op de modelresultaten\" en laat ze variëren (C13). Van 30 tot 70 % van de extra tewerkstelling een jaar later nog aanwezig, 50 % het waarschijnlijkst (aanname, geen gemeten cijfer).",
        ],
    },
    Set {
        id: "lasting",
        dist: Dist::Pert { min: 0.7, mode: 0.9, max: 1.0 },
        source: "C17, C16, C4",
        name: [
            "Lasting: most of it stays",
            "Durable : l'essentiel reste",
            "Blijvend: het meeste blijft",
        ],
        note: [
            "In a Nevada trial of job-search assistance, employment and earnings gains were there in each of the six years after (C17); Danish trials of early meetings with caseworkers found effects in the medium and long run (C16); a meta-analysis finds effects more positive 2-3 years after a programme (C4). From 70 to 100 % of the additional employment still there a year later, most likely 90 % (an assumption built on these sources; none of them is volunteer mentoring).",
            "Dans un essai au Nevada d'aide à la recherche d'emploi, les gains d'emploi et de revenus étaient là chacune des six années suivantes (C17) ; des essais danois de rencontres précoces avec un conseiller trouvent des effets à moyen et long terme (C16) ; une méta-analyse trouve des effets plus positifs 2 à 3 ans après un programme (C4). De 70 à 100 % de l'emploi supplémentaire encore là un an plus tard, 90 % le plus probable (hypothèse fondée sur ces sources ; aucune ne porte sur du mentorat bénévole).",
            "In een proef in Nevada met begeleiding bij het zoeken naar werk waren de winsten in werk en inkomen er in elk van de zes jaren erna (C17); Deense proeven met vroege gesprekken met een consulent vonden effecten op middellange en lange termijn (C16); een meta-analyse vindt effecten die 2 tot 3 jaar na een programma positiever zijn (C4). Van 70 tot 100 % van de extra tewerkstelling een jaar later nog aanwezig, 90 % het waarschijnlijkst (aanname op basis van deze bronnen; geen ervan gaat over vrijwillige mentoring).",
        ],
    },
];

impl Set {
    /// The set as a scenario's `fiscal.persistence`.
    pub fn param(&self) -> Param {
        Param {
            dist: self.dist.clone(),
            source: Some(self.source.to_string()),
            assumption: true,
            note: Some(self.note_text().into()),
        }
    }

    /// Its note as a [`Text`].
    pub fn note_text(&self) -> Text {
        text(self.note)
    }

    /// Its name as a [`Text`].
    pub fn name_text(&self) -> Text {
        text(self.name)
    }
}

fn text(t: [&str; 3]) -> Text {
    Text {
        en: t[0].into(),
        fr: t[1].into(),
        nl: t[2].into(),
    }
}

/// The set named `id`.
pub fn get(id: &str) -> Option<&'static Set> {
    SETS.iter().find(|s| s.id == id)
}

/// The parameter of the set named `id`, made once: what a scenario that
/// names a set and gives no distribution of its own draws from.
pub fn param_of(id: &str) -> Option<&'static Param> {
    static PARAMS: OnceLock<Vec<Param>> = OnceLock::new();
    let params = PARAMS.get_or_init(|| SETS.iter().map(Set::param).collect());
    SETS.iter().position(|s| s.id == id).map(|k| &params[k])
}
