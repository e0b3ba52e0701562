import { describe, expect, it } from 'vitest';
import { configErrorPageUrl, serverUnreachablePageUrl, statusPageHtml } from '../../src/device/status-page';

const PREFIX = 'data:text/html;charset=utf-8,';

function pageOf(url: string): string {
  expect(url.startsWith(PREFIX)).toBe(true);
  return decodeURIComponent(url.slice(PREFIX.length));
}

describe('the status page', () => {
  it('escapes markup in the text it shows', () => {
    const html = statusPageHtml('设备配置有误', 'deviceId: <script>alert("x")</script> & \'more\'');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
  });

  it('forbids scripts outright', () => {
    expect(statusPageHtml('t', 'd')).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('shows the config problem under the big Chinese heading, as a data: URL', () => {
    const html = pageOf(configErrorPageUrl('找不到设备配置文件：C:\\hall\\device-config.json'));
    expect(html).toContain('<h1>设备配置有误</h1>');
    expect(html).toContain('找不到设备配置文件：C:\\hall\\device-config.json');
  });

  it('escapes the config problem too', () => {
    const html = pageOf(configErrorPageUrl('deviceId: <script>alert(1)</script>'));
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('names the server it keeps trying and when it tries again', () => {
    const html = pageOf(serverUnreachablePageUrl('http://192.168.1.10:8080', 5));
    expect(html).toContain('<h1>正在连接大厅服务器…</h1>');
    expect(html).toContain('http://192.168.1.10:8080\n暂时无法访问，5 秒后自动重试。');
  });
});
