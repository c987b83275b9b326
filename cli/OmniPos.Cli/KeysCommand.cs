using System.CommandLine;
using OmniPos.Core.Access;
using OmniPos.Core.Storage;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos keys create|list|revoke</c>: the API keys registers, storefronts and people present, kept in the operational store.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke API keys");
        keys.Subcommands.Add(CreateKey());
        keys.Subcommands.Add(ListKeys());
        keys.Subcommands.Add(RevokeKey());
        return keys;
    }

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", AccessRoleNames.All)}", Required = true };
        role.AcceptOnlyFromAmong([.. AccessRoleNames.All]);
        var store = new Option<string?>("--store") { Description = "The store a register, storefront or store-manager key is for" };
        var device = new Option<string?>("--device") { Description = "The device a register or storefront key posts for" };
        var command = new Command("create", "Create a key and print its token, once") { role, store, device };
        return StoreCommand.WithStore(command, async (parse, opened, ct) =>
        {
            IssuedKey issued;
            try
            {
                issued = await opened.CreateKeyAsync(AccessRoleNames.Parse(parse.GetValue(role)!), parse.GetValue(store), parse.GetValue(device), ct);
            }
            catch (ArgumentException e)
            {
                AnsiConsole.MarkupLine($"[red]No key created:[/] {Markup.Escape(e.Message)}");
                return 2;
            }

            AnsiConsole.MarkupLine($"Key [bold]{issued.Key.KeyId}[/] ({Markup.Escape(Describe(issued.Key))}). Its token is shown this once; only a salted hash is kept:");
            Console.WriteLine(issued.Token);
            return 0;
        });
    }

    private static Command ListKeys() => StoreCommand.WithStore(new Command("list", "List every key: id, role, scope, created, revoked"), async (_, opened, ct) =>
    {
        var table = new Table().AddColumns("Key", "Role and scope", "Created (UTC)", "Revoked (UTC)");
        foreach (var key in await opened.ListKeysAsync(ct))
        {
            table.AddRow(key.KeyId, Markup.Escape(Describe(key)), $"{key.CreatedAt:yyyy-MM-dd HH:mm:ss}", key.RevokedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss}" : "");
        }

        AnsiConsole.Write(table);
        return 0;
    });

    private static Command RevokeKey()
    {
        var keyId = new Argument<string>("key-id") { Description = "The key's id, as `keys list` shows it" };
        return StoreCommand.WithStore(new Command("revoke", "Revoke a key; requests presenting it are refused from now on") { keyId }, async (parse, opened, ct) =>
        {
            var id = parse.GetValue(keyId)!;
            if (!await opened.RevokeKeyAsync(id, ct))
            {
                AnsiConsole.MarkupLine($"[red]There is no key {Markup.Escape(id)}.[/]");
                return 2;
            }

            AnsiConsole.MarkupLine($"Key [bold]{Markup.Escape(id)}[/] is revoked.");
            return 0;
        });
    }

    private static string Describe(ApiKey key) =>
        AccessRoleNames.Of(key.Role) + (key.StoreId is null ? "" : $" of store {key.StoreId}") + (key.DeviceId is null ? "" : $", device {key.DeviceId}");
}
