namespace OmniPos.Core.Access;

/// <summary>A key just created, with the token its holder presents (<c>Authorization: Bearer …</c>); the token is shown this once and stored only as a salted hash.</summary>
public sealed record IssuedKey(ApiKey Key, string Token);
