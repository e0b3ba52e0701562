import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, serverPageUrl } from '../../src/device/navigation';

const server = 'http://192.168.1.10:8080';

describe('which pages a kiosk or screen may show', () => {
  it('allows any page of the hall server', () => {
    expect(isAllowedNavigation('http://192.168.1.10:8080/kiosk?device=k1', server)).toBe(true);
    expect(isAllowedNavigation('http://192.168.1.10:8080/pad/3#done', `${server}/`)).toBe(true);
    expect(isAllowedNavigation('http://192.168.1.10:8080/display/hall', server)).toBe(true);
  });

  it('refuses other origins, including another port or scheme of the same host', () => {
    for (const url of ['http://example.com/', 'http://192.168.1.10:8081/kiosk', 'https://192.168.1.10:8080/kiosk', 'https://192.168.1.10:8080/display/hall', 'http://192.168.1.10.evil.cn:8080/']) {
      expect(isAllowedNavigation(url, server)).toBe(false);
    }
  });

  it('refuses file:, javascript:, data: and nonsense', () => {
    for (const url of ['file:///C:/Windows/System32/cmd.exe', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<h1>x</h1>', 'data:text/html,x', 'not a url', '']) {
      expect(isAllowedNavigation(url, server)).toBe(false);
    }
  });

  it('never lets two opaque origins count as the same', () => {
    expect(isAllowedNavigation('file:///C:/a.html', 'file:///C:/b.html')).toBe(false);
    expect(isAllowedNavigation('data:text/html,a', 'data:text/html,b')).toBe(false);
  });
});

describe('a page of the hall server', () => {
  it('keeps a path prefix of the server, with or without the trailing slash', () => {
    expect(serverPageUrl('https://gov.example.cn/hall/', 'kiosk')).toBe('https://gov.example.cn/hall/kiosk');
    expect(serverPageUrl('https://gov.example.cn/hall', 'display/hall')).toBe('https://gov.example.cn/hall/display/hall');
    expect(serverPageUrl(server, 'pad/12')).toBe('http://192.168.1.10:8080/pad/12');
  });

  it('encodes the query', () => {
    expect(serverPageUrl('https://gov.example.cn/hall/', 'kiosk', { device: '大厅 1号' })).toBe(
      'https://gov.example.cn/hall/kiosk?device=%E5%A4%A7%E5%8E%85+1%E5%8F%B7',
    );
  });
});
