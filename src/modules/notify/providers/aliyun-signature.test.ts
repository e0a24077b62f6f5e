// Known answers from Alibaba Cloud's documentation of the RPC signature (version 1.0).
import { describe, expect, it } from 'vitest';
import {
  canonicalizedQuery,
  percentEncode,
  rpcSignature,
  signedQuery,
  stringToSign,
} from './aliyun-signature.js';

// The worked SendSms example of the Short Message Service API documentation (AccessKey testId / testSecret).
const SEND_SMS_EXAMPLE = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

// The DescribeRegions example of the general signature documentation (AccessKey testid / testsecret).
const DESCRIBE_REGIONS_EXAMPLE = {
  TimeStamp: '2016-02-23T12:46:24Z',
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  Version: '2014-05-26',
  SignatureVersion: '1.0',
};

describe('Aliyun RPC signature', () => {
  it('percent-encodes as RFC 3986 does: space as %20, * as %2A, ~ kept', () => {
    expect(percentEncode("a b*c~d+e/f:g!'()")).toBe('a%20b%2Ac~d%2Be%2Ff%3Ag%21%27%28%29');
    expect(percentEncode('阿')).toBe('%E9%98%BF');
  });

  it('matches the documented DescribeRegions example', () => {
    // Some copies of this page print the inner & unencoded; the published signature is over %26, as here.
    expect(stringToSign('GET', DESCRIBE_REGIONS_EXAMPLE)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(rpcSignature('testsecret', 'GET', DESCRIBE_REGIONS_EXAMPLE)).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('matches the documented SendSms example, query string and URL included', () => {
    expect(canonicalizedQuery(SEND_SMS_EXAMPLE)).toBe(
      'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
    );
    expect(stringToSign('GET', SEND_SMS_EXAMPLE)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
    );
    expect(rpcSignature('testSecret', 'GET', SEND_SMS_EXAMPLE)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(signedQuery('testSecret', SEND_SMS_EXAMPLE)).toBe(
      `Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&${canonicalizedQuery(SEND_SMS_EXAMPLE)}`,
    );
  });
});
