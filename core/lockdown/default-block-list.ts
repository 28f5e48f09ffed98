// The block list shipped with the station: services that have no place in a certification exam because
// they answer for the candidate or let someone else do it. A centre starts from this list and edits it
// (switch a rule off with `active: false`, remove it, add its own); it is a starting point, not a
// guarantee: the invigilator's eyes and the journal of navigations remain the real control.
import type { UrlPolicy } from './url-policy.ts';
import type { UrlRule, UrlRuleCategory } from './url-rule.ts';

/** Category names for the screens (French first). */
export const URL_RULE_CATEGORY_LABELS: Record<UrlRuleCategory, { fr: string; en: string }> = {
  generativeAi: { fr: 'assistant d’intelligence artificielle', en: 'AI assistant' },
  webmail: { fr: 'messagerie électronique', en: 'webmail' },
  messaging: { fr: 'messagerie instantanée ou visioconférence', en: 'messaging or video call' },
  socialNetwork: { fr: 'réseau social', en: 'social network' },
  fileSharing: { fr: 'partage de fichiers ou document collaboratif', en: 'file sharing or shared document' },
  remoteDesktop: { fr: 'prise de main à distance', en: 'remote desktop' },
};

// Host expressions match the host and all its subdomains (`openai.com` covers `chat.openai.com`).
const BLOCKED: Record<UrlRuleCategory, readonly string[]> = {
  generativeAi: [
    'openai.com',
    'chatgpt.com',
    'oaiusercontent.com',
    'claude.ai',
    'anthropic.com',
    'gemini.google.com',
    'bard.google.com',
    'aistudio.google.com',
    'notebooklm.google.com',
    // Google Search's "AI mode" (udm=50), on every Google country domain.
    'google.*/search?*udm=50*',
    'copilot.microsoft.com',
    'copilot.cloud.microsoft',
    'bing.com/chat*',
    'perplexity.ai',
    'chat.mistral.ai',
    'deepseek.com',
    'poe.com',
    'character.ai',
    'you.com',
    'huggingface.co/chat*',
    'meta.ai',
    'grok.com',
    'x.ai',
    'phind.com',
    'chat.qwen.ai',
    'kimi.com',
    'kimi.ai',
    'quillbot.com',
    'jasper.ai',
    'writesonic.com',
  ],
  webmail: [
    'mail.google.com',
    'outlook.live.com',
    'outlook.office.com',
    'outlook.office365.com',
    'mail.yahoo.com',
    'mail.proton.me',
    'mail.yandex.com',
    'gmx.fr',
    'gmx.com',
    'gmx.net',
    'mail.com',
    'tuta.com',
    'tutanota.com',
    'zimbra.free.fr',
    'messagerie.orange.fr',
    'mail.orange.fr',
    'webmail.sfr.fr',
    'messagerie.sfr.fr',
    'laposte.net',
    'webmail.bbox.fr',
  ],
  messaging: [
    'whatsapp.com',
    'whatsapp.net',
    'telegram.org',
    't.me',
    'discord.com',
    'discord.gg',
    'discordapp.com',
    'messenger.com',
    'slack.com',
    'teams.microsoft.com',
    'teams.live.com',
    'web.skype.com',
    'app.element.io',
    'chat.google.com',
    'meet.google.com',
    'zoom.us',
    'whereby.com',
    'meet.jit.si',
    'webex.com',
  ],
  socialNetwork: [
    'facebook.com',
    'instagram.com',
    'tiktok.com',
    'snapchat.com',
    'x.com',
    'twitter.com',
    'reddit.com',
    'threads.net',
    'threads.com',
    'bsky.app',
    'mastodon.social',
    'tumblr.com',
    'linkedin.com',
    'twitch.tv',
  ],
  fileSharing: [
    'drive.google.com',
    'docs.google.com',
    'dropbox.com',
    'onedrive.live.com',
    '1drv.ms',
    'sharepoint.com',
    'icloud.com',
    'wetransfer.com',
    'we.tl',
    'fromsmash.com',
    'swisstransfer.com',
    'transfernow.net',
    'grosfichiers.com',
    'filesender.renater.fr',
    'mega.nz',
    'mega.io',
    'box.com',
    'pcloud.com',
    'mediafire.com',
    'drive.proton.me',
    'pastebin.com',
    'justpaste.it',
    'framapad.org',
    'padlet.com',
    'notion.so',
    'digipad.app',
  ],
  remoteDesktop: [
    'remotedesktop.google.com',
    'anydesk.com',
    'teamviewer.com',
    'rustdesk.com',
    'splashtop.com',
    'parsec.app',
    'getscreen.me',
    'dwservice.net',
    'remotepc.com',
  ],
};

/** The shipped block rules, all active, each tagged with its category. */
export function defaultBlockRules(): UrlRule[] {
  return (Object.keys(BLOCKED) as UrlRuleCategory[]).flatMap((category) =>
    BLOCKED[category].map((expression): UrlRule => ({
      active: true,
      action: 'block',
      expression,
      regex: false,
      category,
    })),
  );
}

/** A centre's starting policy: https only, the shipped block list, the rest of the web allowed. */
export function createDefaultUrlPolicy(): UrlPolicy {
  return { schemes: ['https'], rules: defaultBlockRules() };
}

/** The domain of the offline demo sites (`https://<site>.pix-demo.test/`, PLAN.md §8). */
export const DEMO_SITES_DOMAIN = 'pix-demo.test';

/** The rule that lets the challenge browser reach every demo site. */
export function demoSitesAllowRule(): UrlRule {
  return { active: true, action: 'allow', expression: DEMO_SITES_DOMAIN, regex: false };
}

/** Demo mode: only the demo sites, nothing from the Internet. */
export function createDemoUrlPolicy(): UrlPolicy {
  return { schemes: ['https'], rules: [...defaultBlockRules(), demoSitesAllowRule()] };
}
