using System.CommandLine;
using OmniPos.Core.Webhooks;
using Spectre.Console;

namespace OmniPos.Cli;

/// <summary><c>omnipos webhooks add|list|remove</c>: the URLs that get signed messages of chosen kinds, kept in the operational store.</summary>
internal static class WebhooksCommand
{
    public static Command Create()
    {
        var webhooks = new Command("webhooks", "Add, list and remove webhook subscriptions");
        webhooks.Subcommands.Add(Add());
        webhooks.Subcommands.Add(List());
        webhooks.Subcommands.Add(Remove());
        return webhooks;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The http or https URL messages are posted to" };
        var kinds = new Option<string[]>("--kind") { Description = $"A kind to receive (repeat for more): {string.Join(", ", WebhookKinds.All)}", Required = true };
        var secret = new Option<string?>("--secret") { Description = $"The signing secret ({WebhookRules.MinSecretLength}-{WebhookRules.MaxSecretLength} characters); generated when left out" };
        var command = new Command("add", "Subscribe a URL and print its signing secret, once") { url, kinds, secret };
        return StoreArguments.WithStore(command, async (parse, opened, ct) =>
        {
            CreatedWebhook created;
            try
            {
                created = await opened.Webhooks.AddAsync(parse.GetValue(url)!, parse.GetValue(kinds)!, parse.GetValue(secret), ct);
            }
            catch (ArgumentException e)
            {
                AnsiConsole.MarkupLine($"[red]No webhook added:[/] {Markup.Escape(e.Message)}");
                return 2;
            }

            var subscription = created.Subscription;
            AnsiConsole.MarkupLine($"Webhook [bold]{subscription.SubscriptionId}[/] posts {Markup.Escape(string.Join(", ", subscription.Kinds))} to {Markup.Escape(subscription.Url.ToString())}. "
                + "Its signing secret is shown this once:");
            Console.WriteLine(created.Secret);
            return 0;
        });
    }

    private static Command List() => StoreArguments.WithStore(new Command("list", "List every subscription: id, URL, kinds, created, removed"), async (_, opened, ct) =>
    {
        var table = new Table().AddColumns("Webhook", "URL", "Kinds", "Created (UTC)", "Removed (UTC)");
        foreach (var subscription in await opened.Webhooks.ListAsync(ct))
        {
            table.AddRow(subscription.SubscriptionId, Markup.Escape(subscription.Url.ToString()), Markup.Escape(string.Join(", ", subscription.Kinds)),
                $"{subscription.CreatedAt:yyyy-MM-dd HH:mm:ss}", subscription.RemovedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss}" : "");
        }

        AnsiConsole.Write(table);
        return 0;
    });

    private static Command Remove()
    {
        var id = new Argument<string>("webhook-id") { Description = "The subscription's id, as `webhooks list` shows it" };
        return StoreArguments.WithStore(new Command("remove", "Stop a subscription; its pending deliveries fail") { id }, async (parse, opened, ct) =>
        {
            var subscriptionId = parse.GetValue(id)!;
            if (!await opened.Webhooks.RemoveAsync(subscriptionId, ct))
            {
                AnsiConsole.MarkupLine($"[red]There is no webhook {Markup.Escape(subscriptionId)}.[/]");
                return 2;
            }

            AnsiConsole.MarkupLine($"Webhook [bold]{Markup.Escape(subscriptionId)}[/] is removed.");
            return 0;
        });
    }
}
