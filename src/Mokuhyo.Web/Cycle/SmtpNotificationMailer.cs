using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Cycle;

namespace Mokuhyo.Web.Cycle;

/// <summary>
/// Sends a notification through the city's SMTP server with MailKit, in Japanese: MimeKit writes the
/// subject as a UTF-8 encoded word and the body as UTF-8 text. The Message-Id is the notification's,
/// so a mail server or client can tell a resend from a new message.
/// </summary>
public sealed class SmtpNotificationMailer(IOptions<SmtpOptions> smtp, IOptions<CycleOptions> cycle, NotificationText text) : INotificationMailer
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public async Task SendAsync(Notification notification, string recipientName, string recipientEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var options = smtp.Value;
        if (!options.Enabled)
        {
            throw new InvalidOperationException("SMTP is not configured.");
        }

        var message = Compose(notification, recipientName, recipientEmail, options.From);
        using var client = new SmtpClient
        {
            CheckCertificateRevocation = options.CheckCertificateRevocation,
            Timeout = options.TimeoutSeconds * 1000,
        };
        await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>The e-mail of a notification, always in Japanese (the language of the city's staff).</summary>
    public MimeMessage Compose(Notification notification, string recipientName, string recipientEmail, string from)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Japanese;
        try
        {
            var message = new MimeMessage
            {
                Subject = text.Subject(notification),
                Body = new TextPart("plain") { Text = text.Body(notification, recipientName, cycle.Value.PublicBaseUrl) },
                MessageId = string.Create(CultureInfo.InvariantCulture, $"{notification.Id:N}@mokuhyo"),
                Date = notification.CreatedAt,
            };
            message.From.Add(MailboxAddress.Parse(from));
            message.To.Add(new MailboxAddress(recipientName, recipientEmail));
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
