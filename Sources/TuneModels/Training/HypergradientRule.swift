/// How hypergradient descent moves the learning rate (Baydin et al. 2018, §2 and §4).
public enum HypergradientRule: String, Codable, CaseIterable, Sendable {
    /// `α ← α + β·gₜ·uₜ₋₁`: the paper's SGD-HD and Adam-HD. β's useful size depends on the
    /// scale of the gradients and of the rate.
    case additive
    /// `α ← α·(1 + β·cos(gₜ, uₜ₋₁))`: the paper's multiplicative rule, which changes the rate
    /// by a bounded fraction per step whatever the gradients' scale, meant to let one β suit
    /// rates decades apart; on the digits MLP it does so only from below (from a rate far too
    /// large the cosine stays near 0, docs/BENCHMARKS.md).
    case multiplicative
    /// `α ← α·exp(β·α·gₜ·uₜ₋₁)`: hypergradient descent on log α, whose hypergradient is
    /// `∂f/∂log α = α·∂f/∂α = −α·gₜ·uₜ₋₁`, the loss's first-order change per unit of log-rate.
    /// β is then in inverse loss units, whatever the rate's scale, and the rate never turns negative.
    /// Unlike the multiplicative rule, the step shrinks as the loss stops changing (gₜ → 0), so a
    /// rate settled late in training does not wander on gradient noise; unlike the additive rule,
    /// a rate 100× too large falls 100× faster, before the first steps have done lasting damage.
    /// The step also shrinks with α, so too large a β can throw the rate so low that it never
    /// climbs back (docs/BENCHMARKS.md: β = 3 on the digits MLP, from 0.1 down to 7e-8 in one epoch).
    case logarithmic
}
