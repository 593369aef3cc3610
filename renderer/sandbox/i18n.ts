import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/*
 * The phone page's own strings (English for now), in an i18next instance of its own so it never
 * mixes with the inbox's. Dutch and French go beside `en` when the inbox gets them.
 */

const en = {
  page: {
    title: 'Sandbox',
    subtitle: 'A pretend customer phone, for trying Toonbank and training staff.',
    playing: 'You are {{name}} · {{number}}',
  },
  picker: {
    heading: 'Who is writing to the shop?',
    intro: 'Pick a customer, or invent one. Your messages reach the shop’s inbox as real WhatsApp messages would.',
    samples: 'Sample customers',
    recent: 'Recent customers',
    chatAs: 'Chat as {{name}}',
    invent: 'Or invent a customer',
    name: 'Customer name',
    namePlaceholder: 'Lotte Peeters',
    number: 'Phone number',
    numberPlaceholder: '+32 470 12 34 56',
    numberHint: 'With the country code, as on WhatsApp.',
    nameRequired: 'Give the customer a name.',
    numberInvalid: 'Enter a mobile number with its country code, e.g. +32 470 12 34 56.',
    username: 'Username (optional)',
    usernamePlaceholder: 'lotte.peeters',
    usernameInvalid: 'A username has 3 to 35 letters, digits, dots or underscores.',
    hideNumber: 'Hide my number from the shop',
    hideNumberHint:
      'Since 2026 WhatsApp users with a username can hide their number: the shop then sees only the username.',
    hidden: '@{{username}} · number hidden',
    start: 'Start chatting',
  },
  chat: {
    back: 'Change customer',
    shop: 'The shop',
    business: 'Business account',
    typing: 'typing…',
    log: 'Chat with the shop',
    empty: 'Say hello to the shop. Messages stay on this page until the sandbox restarts.',
    today: 'Today',
    yesterday: 'Yesterday',
    offline: 'Reconnecting to the sandbox…',
    sendFailed: 'Could not send: {{reason}}',
    retrying: 'Not with the shop yet ({{reason}})',
    failed: 'Not delivered: {{reason}}',
    react: 'React to message',
    removeReaction: 'Remove reaction {{emoji}}',
    reactWith: 'React with {{emoji}}',
    yourReaction: 'Your reaction: {{emoji}}',
    shopReaction: 'The shop reacted {{emoji}}',
    you: 'You',
    template: 'Template · {{name}}',
    photo: 'Photo',
    video: 'Video',
    audio: 'Voice message',
    document: 'Document',
    sticker: 'Sticker',
    location: 'Location',
    openMap: 'Open map',
    chooseOption: 'Choose an option',
    products: 'Products from the catalog',
    order: 'Order · {{count}} items',
    orderLine: '{{quantity}} × {{item}}',
  },
  cart: {
    view: 'View items',
    title: 'Products',
    loading: 'Loading the catalog…',
    none: 'These products are not in the catalog any more.',
    less: 'One less {{name}}',
    more: 'One more {{name}}',
    quantity: 'Quantity of {{name}}',
    send_one: 'Send cart ({{count}} item)',
    send_other: 'Send cart ({{count}} items)',
  },
  composer: {
    message: 'Customer message',
    placeholder: 'Message',
    send: 'Send as customer',
    attach: 'Attach',
    photo: 'Photo',
    location: 'Location',
    caption: 'Caption',
    captionPlaceholder: 'Add a caption',
    sendPhoto: 'Send photo',
    photoTitle: 'Send a photo',
    locationTitle: 'Share a location',
    sendLocation: 'Send location',
    cancel: 'Cancel',
  },
  ticks: { pending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered' },
};

export type PhoneStrings = typeof en;

export function initPhoneI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; customer text is never HTML
    initAsync: false,
  });
  return instance;
}
