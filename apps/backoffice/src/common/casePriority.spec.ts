import { byGravity, categoryLevel, priorityLevel } from './casePriority';

describe('case priority', () => {
  it('reads the API score in the tiers of the category severities', () => {
    expect(priorityLevel(1000)).toBe('critical');
    expect(priorityLevel(925)).toBe('high'); // threat_violence with a second reporter
    expect(priorityLevel(700)).toBe('high');
    expect(priorityLevel(600)).toBe('medium');
    expect(priorityLevel(400)).toBe('medium');
    expect(priorityLevel(399)).toBe('low');
    expect(priorityLevel(100)).toBe('low');
  });

  it('makes any case about a minor critical, whatever its score', () => {
    expect(priorityLevel(100, ['other', 'minor_safety'])).toBe('critical');
    expect(priorityLevel(900, ['threat_violence'])).toBe('high');
  });

  it('colours each category by its own severity', () => {
    expect(categoryLevel('minor_safety')).toBe('critical');
    expect(categoryLevel('sexual_content')).toBe('high');
    expect(categoryLevel('harassment')).toBe('medium');
    expect(categoryLevel('spam_scam')).toBe('low');
  });

  it('lists categories gravest first, each once', () => {
    expect(byGravity(['spam_scam', 'minor_safety', 'harassment', 'spam_scam'])).toEqual([
      'minor_safety',
      'harassment',
      'spam_scam',
    ]);
  });
});
