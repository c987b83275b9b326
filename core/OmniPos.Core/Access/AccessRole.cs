namespace OmniPos.Core.Access;

/// <summary>What an API key may do (see <c>ingest/README.md</c> for the matrix of roles and routes).</summary>
public enum AccessRole
{
    /// <summary>Posts the events of one in-store device (register, kiosk, handheld) of one store.</summary>
    Register,

    /// <summary>Posts the events of one online channel (web storefront or marketplace) of one store.</summary>
    Storefront,

    Merchandiser,

    Finance,

    /// <summary>Reads what concerns one store.</summary>
    StoreManager,

    Admin,

    /// <summary>Works the fraud alert queue: reads the alerts with their evidence, confirms or dismisses them.</summary>
    LossPrevention,
}
