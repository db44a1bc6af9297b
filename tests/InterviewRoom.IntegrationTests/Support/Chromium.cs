using Microsoft.Playwright;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (shipped in the package; no browser download). A
/// missing Chromium fails the tests with a clear message: test.sh installs it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ExecutablePath}. Run ./test.sh (it installs Debian's chromium) or: apt-get install -y chromium");
        }

        // Upper bounds, not waits: each expectation returns as soon as the page shows it. Playwright's 5 s default
        // for expectations is too short for a shared 2-core machine running a server and three browsers at once.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>One person's browser: its own context (storage), a page, and every console error and dialog it saw.</summary>
public sealed class Person : IAsyncDisposable
{
    private Person(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public string Name { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public static async Task<Person> OpenAsync(Chromium chromium, Uri baseAddress, string name, int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return new Person(name, context, await context.NewPageAsync());
    }

    public ILocator ById(string testId) => Page.GetByTestId(testId);

    /// <summary>Keeps a screenshot as a test artifact (TestResults/screenshots).</summary>
    public async Task ScreenshotAsync(string label)
    {
        var folder = Path.Combine(ArtifactsFolder(), "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{label}-{Name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static string ArtifactsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InterviewRoom.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? Path.GetTempPath(), "TestResults");
    }
}
