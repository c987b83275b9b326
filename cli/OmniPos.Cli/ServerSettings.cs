namespace OmniPos.Cli;

/// <summary>How a command that runs the server was asked to run it.</summary>
/// <param name="ConfigurationArguments">The <c>--Section:Key=value</c> arguments, applied over appsettings.json and <c>OMNIPOS__</c> variables.</param>
internal sealed record ServerSettings(string DataDirectory, string Urls, IReadOnlyList<string> ConfigurationArguments);
