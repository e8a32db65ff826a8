namespace VoiceOtp.Core.Guards;

// An open breaker as the admin endpoint shows it. Prefix is null for a whole-country breaker.
public sealed record BreakerState(string Country, string? Prefix, string Reason, DateTimeOffset OpenedAt, DateTimeOffset OpenUntil);
