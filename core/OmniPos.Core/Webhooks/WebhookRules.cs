using OmniPos.Core.Validation;

namespace OmniPos.Core.Webhooks;

/// <summary>What a subscription must be: an absolute http(s) URL without credentials, known kinds, and a secret long enough to sign with.</summary>
public static class WebhookRules
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxUrlLength = 2048;

    /// <summary>Every broken rule, naming its field (<c>url</c>, <c>kinds[1]</c>, <c>secret</c>); empty when the subscription may be made.</summary>
    public static IReadOnlyList<ValidationError> Check(string url, IReadOnlyList<string> kinds, string? secret)
    {
        var errors = new List<ValidationError>();
        if (CheckUrl(url) is { } urlError)
        {
            errors.Add(urlError);
        }

        if (kinds.Count == 0)
        {
            errors.Add(new("kinds", Rules.Required, $"name at least one kind of {string.Join(", ", WebhookKinds.All)}"));
        }

        errors.AddRange(kinds.Select((kind, i) => (kind, i))
            .Where(k => !WebhookKinds.IsKnown(k.kind))
            .Select(k => new ValidationError($"kinds[{k.i}]", Rules.Reference, $"is not a kind; the kinds are {string.Join(", ", WebhookKinds.All)}")));
        if (secret is { Length: < MinSecretLength or > MaxSecretLength })
        {
            errors.Add(new("secret", secret.Length < MinSecretLength ? Rules.NotAllowed : Rules.TooLong,
                $"must be {MinSecretLength} to {MaxSecretLength} characters; leave it out to have one generated"));
        }

        return errors;
    }

    private static ValidationError? CheckUrl(string url)
    {
        if (url.Length > MaxUrlLength)
        {
            return new("url", Rules.TooLong, $"must be at most {MaxUrlLength} characters");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new("url", Rules.NotAllowed, "must be an absolute http or https URL");
        }

        return uri.UserInfo.Length > 0 ? new("url", Rules.NotAllowed, "must not carry credentials; receivers check the signature instead") : null;
    }
}
