/// How hypergradient descent moves the learning rate (Baydin et al. 2018, §2 and §4).
public enum HypergradientRule: String, Codable, CaseIterable, Sendable {
    /// `α ← α + β·gₜ·uₜ₋₁`: the paper's SGD-HD and Adam-HD. β's useful size depends on the
    /// scale of the gradients and of the rate.
    case additive
    /// `α ← α·(1 + β·cos(gₜ, uₜ₋₁))`: the paper's multiplicative rule, which changes the rate
    /// by a bounded fraction per step whatever the gradients' scale, so one β suits rates
    /// decades apart.
    case multiplicative
}
