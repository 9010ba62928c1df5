import "server-only";

import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import Wikimedia, { type WikimediaProfile } from "next-auth/providers/wikimedia";

import { db } from "@/lib/db";
import { isOneEmailAddress } from "@/lib/domain/request/fields";
import { wikimediaUser } from "@/lib/domain/wikimedia/profile";
import { env } from "@/lib/env";
import { DEBUG_LOCALE, DEFAULT_LOCALE, isLanguageCode, resolveLocale, type TLanguageCode } from "@/lib/i18n/locales";
import { AVAILABLE_LANGUAGES, translatorFor } from "@/lib/i18n/messages";
import { requestChoices } from "@/lib/i18n/request";
import { log, maskEmail } from "@/lib/log";
import { SESSION_MAX_AGE_MS } from "@/lib/server/session-user";
import { signInEmail } from "@/lib/mail/templates/sign-in";
import { sendMail } from "@/lib/mail/transport";
import { applyAdminEmails } from "@/lib/server/users";
import { recordWikimediaFacts } from "@/lib/server/wikimedia-facts";

const MAGIC_LINK_MINUTES = 60;

/**
 * The sign-in email speaks the language of the page the link was asked for on: the form sends it
 * (Auth.js hands the posted fields on as JSON); a post made without the form, its request's own choices.
 */
async function signInLocale(request: Request): Promise<TLanguageCode> {
  const posted: unknown = await request.json().catch(() => null);
  const asked = posted && typeof posted === "object" && "locale" in posted ? posted.locale : undefined;
  if (isLanguageCode(asked) && AVAILABLE_LANGUAGES.includes(asked)) return asked;
  const { area: _area, ...choices } = await requestChoices();
  const locale = resolveLocale(choices, { area: "requester", available: AVAILABLE_LANGUAGES });
  return locale === DEBUG_LOCALE ? DEFAULT_LOCALE : locale;
}

/** Configuration is read per request, so building the app needs none of the runtime settings. */
function config(): NextAuthConfig {
  const settings = env();
  return {
    adapter: PrismaAdapter(db()),
    secret: settings.authSecret,
    // Links are built from the configured public address (npm start always gives one); without
    // it, from the request's host only behind a trusted proxy (AUTH_TRUST_HOST).
    trustHost: settings.trustProxy || Boolean(settings.authUrl),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_MS / 1000 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    providers: [
      Nodemailer({
        // Sending goes through sendVerificationRequest; this placeholder only satisfies the provider.
        server: "smtp://localhost",
        maxAge: MAGIC_LINK_MINUTES * 60,
        // Auth.js's own endpoint can be posted to past the form: a link goes to one address or none.
        normalizeIdentifier(identifier) {
          const email = identifier.trim().toLowerCase();
          if (!isOneEmailAddress(email)) throw new Error("A sign-in link goes to one email address");
          return email;
        },
        async sendVerificationRequest({ identifier, url, request }) {
          const locale = await signInLocale(request);
          const t = translatorFor(locale);
          await sendMail({ to: identifier, ...signInEmail(t, locale, url, new URL(url).host) });
        },
      }),
      ...(settings.wikimedia
        ? [
            Wikimedia({
              clientId: settings.wikimedia.clientId,
              clientSecret: settings.wikimedia.clientSecret,
              // MediaWiki's OAuth 2.0 REST endpoints under the configured wiki (AUTH_WIKIMEDIA_URL).
              authorization: `${settings.wikimedia.url}/w/rest.php/oauth2/authorize?scope=`,
              token: `${settings.wikimedia.url}/w/rest.php/oauth2/access_token`,
              userinfo: `${settings.wikimedia.url}/w/rest.php/oauth2/resource/profile`,
              // The state comes back with the person and must match the one sent; PKCE binds the code to this browser.
              checks: ["pkce", "state"],
              // Linking by email is safe here only because Wikimedia vouches for the address
              // (unconfirmed addresses are dropped below and refused in signIn).
              allowDangerousEmailAccountLinking: true,
              // `sub` is the global (central) account id, the same on every wiki and across renames.
              profile: (profile: WikimediaProfile) => wikimediaUser(profile),
            }),
          ]
        : []),
    ],
    callbacks: {
      signIn({ user, account }) {
        if (account?.provider === "wikimedia" && !account.providerAccountId) {
          log.warn("auth.signin_refused", { provider: "wikimedia", reason: "no central account id" });
          return "/signin/error";
        }
        if (account?.provider === "wikimedia" && !user.email) {
          log.warn("auth.signin_refused", { provider: "wikimedia", reason: "no confirmed email" });
          return "/signin/error?error=NoConfirmedEmail";
        }
        return true;
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
    events: {
      async signIn({ user, account, profile, isNewUser }) {
        log.info("auth.signin", { userId: user.id, provider: account?.provider, newUser: Boolean(isNewUser), email: maskEmail(user.email) });
        if (account?.provider === "wikimedia" && user.id && profile) await recordWikimediaFacts(user.id, profile);
        if (user.id && user.email) await applyAdminEmails(user.id, user.email);
      },
      signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        log.info("auth.signout", { userId });
      },
    },
    logger: {
      error(error) {
        log.error("auth.error", { name: error.name, message: error.message });
      },
      warn(code) {
        log.warn("auth.warning", { code });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
