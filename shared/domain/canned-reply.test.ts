import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './canned-reply.js';

describe('fillPlaceholders', () => {
  it('fills the customer’s first name, full name and the agent’s name', () => {
    expect(
      fillPlaceholders('Hi {{firstName}}! ({{name}}) — {{ agentName }}', {
        customerName: 'Sofie Willems',
        agentName: 'Jonas',
      }),
    ).toBe('Hi Sofie! (Sofie Willems) — Jonas');
  });

  it('drops a placeholder with nothing to put in, with the space before it, and leaves other braces alone', () => {
    expect(fillPlaceholders('Hi {{firstName}}, {{unknown}}', { customerName: '  ', agentName: 'Jonas' })).toBe(
      'Hi, {{unknown}}',
    );
  });
});
