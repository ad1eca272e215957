//! The one table merging builder labels into builder entities.
//!
//! Relays report a builder by the label in its block's extra data, and one builder uses
//! several (`Titan Builder` / `Titan (titanbuilder.xyz)`, `rsync-builder.xyz` /
//! `@rsyncbuilder`, …). [`ENTITIES`] maps every variant seen in the data to one name; a
//! label not in the table is its own entity, named by the label with surrounding
//! whitespace trimmed (so labels differing only in whitespace merge too). A label that is
//! empty after trimming means no builder. Kept raw in the asset, merged only here.
//!
//! Not merged, on purpose: `Flashbots Imposter` (not Flashbots), `geth` (a client's
//! default extra data), and labels whose kinship is a guess (`smithbot.xyz`,
//! `I can haz block?` / `i can hav block`).

/// The entity index of "no builder".
pub const NONE: u16 = u16::MAX;

/// Raw label → entity name, for every label variant of one builder (the labels are the
/// relays' strings as they are in the source, including its mis-decoded bytes: the `reth`
/// ones start with an RLP length byte, `beelder`'s ends in a mis-decoded bee emoji).
pub const ENTITIES: &[(&str, &str)] = &[
    ("beaverbuild.org", "beaverbuild"),
    ("rsync-builder.xyz", "rsync"),
    ("@rsyncbuilder", "rsync"),
    ("Titan Builder", "Titan"),
    ("Titan (titanbuilder.xyz)", "Titan"),
    ("Flashbots", "Flashbots"),
    ("builder0x69", "builder0x69"),
    ("by builder0x69", "builder0x69"),
    ("by @builder0x69", "builder0x69"),
    ("@builder0x69", "builder0x69"),
    ("penguinbuild.org", "penguinbuild"),
    ("@penguinbuild.org", "penguinbuild"),
    ("Gambit Labs (https://gmbit.co)", "Gambit Labs"),
    ("BuildAI (https://buildai.net)", "BuildAI"),
    ("Powered by bloXroute", "bloXroute"),
    ("Builder+ www.btcs.com/builder", "BTCS"),
    ("BTCS Inc. (Nasdaq: BTCS)", "BTCS"),
    ("bobTheBuilder.xyz", "bobTheBuilder"),
    ("bobthebuilder.xyz", "bobTheBuilder"),
    ("Blocksmith (smithbuilder.io)", "Blocksmith"),
    ("blocksmith.org", "Blocksmith"),
    ("https://blockbeelder.com \u{f0}\u{9f}\u{90}\u{9d}", "beelder"),
    // Hex of "BEEFy Builder" and "Beefy Builder".
    ("0x4245454679204275696c646572", "Beefy Builder"),
    ("0x4265656679204275696c646572", "Beefy Builder"),
    ("\u{9a}reth/v0.1.0-alpha.10/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.13/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.14/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.15/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.16/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.21/linux", "reth"),
    ("\u{9a}reth/v0.1.0-alpha.22/linux", "reth"),
    ("\u{98}reth/v0.2.0-beta.2/linux", "reth"),
    ("\u{98}reth/v0.2.0-beta.3/linux", "reth"),
];

/// The entity name of a raw label (`None` for no builder).
///
/// ```
/// use et_engine::rewards::mainnet::entities::entity_name;
/// assert_eq!(entity_name("Titan (titanbuilder.xyz)"), Some("Titan"));
/// assert_eq!(entity_name("@rsyncbuilder"), Some("rsync"));
/// assert_eq!(entity_name(" lokibuilder.xyz "), Some("lokibuilder.xyz"));
/// assert_eq!(entity_name(""), None);
/// ```
pub fn entity_name(label: &str) -> Option<&str> {
    let name = ENTITIES
        .iter()
        .find(|(raw, _)| *raw == label)
        .map_or(label.trim(), |(_, name)| name);
    (!name.is_empty()).then_some(name)
}

/// Per label its entity index ([`NONE`] for no builder), and the entities' names in order
/// of first appearance among `labels`.
pub(crate) fn resolve(labels: &[String]) -> (Vec<u16>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let index = labels
        .iter()
        .map(|label| match entity_name(label) {
            None => NONE,
            Some(name) => match names.iter().position(|n| n == name) {
                Some(i) => i as u16,
                None => {
                    names.push(name.to_string());
                    (names.len() - 1) as u16
                }
            },
        })
        .collect();
    (index, names)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn variants_merge_and_others_stand_alone() {
        let labels: Vec<String> = ["", "Titan Builder", "x ", "Titan (titanbuilder.xyz)", "x", "  "]
            .map(String::from)
            .to_vec();
        let (index, names) = resolve(&labels);
        assert_eq!(index, vec![NONE, 0, 1, 0, 1, NONE]);
        assert_eq!(names, vec!["Titan", "x"]);
        assert!(ENTITIES.iter().all(|(raw, _)| entity_name(raw).is_some()));
    }
}
