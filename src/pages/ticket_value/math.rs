//! Formulas shown beside the plots, as static MathML (rendered natively by browsers).

/// E[V] and Var(V).
pub const TICKET_VALUE: &str = r#"<p>A ticket wins after <math><mi>T</mi><mo>∼</mo><mtext>Geometric</mtext><mo>(</mo><mn>1</mn><mo>/</mo><mi>n</mi><mo>)</mo></math> slots and is worth <math><mi>V</mi><mo>=</mo><mfrac><mi>R</mi><msup><mrow><mo>(</mo><mn>1</mn><mo>+</mo><mi>d</mi><mo>)</mo></mrow><mi>T</mi></msup></mfrac></math>.</p>
<p><math display="block"><mi>E</mi><mo>[</mo><mi>V</mi><mo>]</mo><mo>=</mo><mfrac><mi>μ</mi><mrow><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math></p>
<p><math display="block"><mtext>Var</mtext><mo>(</mo><mi>V</mi><mo>)</mo><mo>=</mo><mfrac><mrow><msubsup><mi>σ</mi><mi>R</mi><mn>2</mn></msubsup><mo>+</mo><msup><mi>μ</mi><mn>2</mn></msup></mrow><mrow><mi>n</mi><msup><mi>d</mi><mn>2</mn></msup><mo>+</mo><mn>2</mn><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn></mrow></mfrac><mo>−</mo><mfrac><msup><mi>μ</mi><mn>2</mn></msup><msup><mrow><mo>(</mo><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn><mo>)</mo></mrow><mn>2</mn></msup></mfrac></math></p>
<p>With a lookahead of <math><mi>m</mi></math> slots both are discounted by <math><msup><mrow><mo>(</mo><mn>1</mn><mo>+</mo><mi>d</mi><mo>)</mo></mrow><mrow><mo>−</mo><mi>m</mi></mrow></msup></math> (its square for the variance).</p>"#;

/// Issued and unissued value.
pub const ISSUED: &str = r#"<p><math display="block"><msub><mtext>NPV</mtext><mi>R</mi></msub><mo>=</mo><mfrac><mi>μ</mi><mi>d</mi></mfrac></math></p>
<p><math display="block"><mtext>issued</mtext><mo>=</mo><mi>n</mi><mspace width="0.1em"/><mi>E</mi><mo>[</mo><mi>V</mi><mo>]</mo><mo>=</mo><mfrac><mrow><mi>n</mi><mi>μ</mi></mrow><mrow><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math></p>
<p><math display="block"><mtext>unissued</mtext><mo>=</mo><mfrac><mi>μ</mi><mi>d</mi></mfrac><mo>−</mo><mi>n</mi><mi>E</mi><mo>[</mo><mi>V</mi><mo>]</mo><mo>=</mo><mfrac><mi>μ</mi><mrow><mi>d</mi><mo>(</mo><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn><mo>)</mo></mrow></mfrac></math></p>
<p>The tickets capture all future rewards only as <math><mi>n</mi><mi>d</mi><mo>≫</mo><mn>1</mn></math>.</p>"#;

/// A holding's value.
pub const SHARE: &str = r#"<p>A holder of a share <math><mi>P</mi></math> of the tickets owns</p>
<p><math display="block"><mi>P</mi><mspace width="0.1em"/><mi>n</mi><mspace width="0.1em"/><mi>E</mi><mo>[</mo><mi>V</mi><mo>]</mo><mo>=</mo><mfrac><mrow><mi>P</mi><mi>n</mi><mi>μ</mi></mrow><mrow><mi>n</mi><mi>d</mi><mo>+</mo><mn>1</mn></mrow></mfrac><mo>→</mo><mfrac><mrow><mi>P</mi><mi>μ</mi></mrow><mi>d</mi></mfrac></math></p>
<p>which rises with <math><mi>n</mi></math>: more tickets outstanding sell more of the future, so a fixed share of them is worth more.</p>"#;
