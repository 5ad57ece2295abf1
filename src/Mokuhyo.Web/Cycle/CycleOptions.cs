using MailKit.Security;

namespace Mokuhyo.Web.Cycle;

/// <summary>The <c>Cycle</c> configuration section: the worker that computes reminders and sends e-mails.</summary>
public sealed class CycleOptions
{
    public const string Section = "Cycle";

    /// <summary>Run the worker in this node (every node may run it: each e-mail is sent once).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Seconds between two rounds of the worker.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>Days before a due date on which the holder is reminded.</summary>
    public int[] ReminderThresholds { get; set; } = [7, 2];

    /// <summary>The address staff open the application at, for links in e-mails (https://mokuhyo.city.example.jp).</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>The <c>Smtp</c> configuration section: the city's own mail server. E-mail is off while Host is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>目標管理システム &lt;mokuhyo@city.example.jp&gt;</c>.</summary>
    public string From { get; set; } = "Mokuhyo <mokuhyo@localhost>";

    /// <summary>
    /// Off by default: checking revocation makes the TLS library fetch CRL/OCSP from the internet,
    /// and the closed municipal network allows no connection but the one to the mail server.
    /// </summary>
    public bool CheckCertificateRevocation { get; set; }

    public int TimeoutSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
